using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Feed.Resources;
using Preau.Platform.Security;

namespace Preau.Feed.Preferences;

/// <summary>The signed-in person's notification preferences over the API: the page's use cases.</summary>
internal static class PreferencesApi
{
    public sealed record PreferencesRequest(IReadOnlyList<SavePreferences.Change>? Preferences);

    public static void MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/feed/preferences").WithTags("Feed").RequireAuthorization();

        api.MapGet("", async (CurrentUser currentUser, ViewPreferences view, CancellationToken ct) =>
                TypedResults.Ok(await view.HandleAsync(await currentUser.RequireAsync(ct), ct)))
            .WithName("FeedGetPreferences")
            .WithSummary("The caller's notification settings: per application, each type with its channel (Never, Feed, Immediate, Daily, Weekly) and push as they apply now, whether that is the caller's own choice (isOwn) or their profile's default, and the default; hasEmail says whether the email channels can reach them.");

        api.MapPut("", async Task<Results<Ok<ViewPreferences.Sheet>, ValidationProblem>> (
                PreferencesRequest request, CurrentUser currentUser, SavePreferences save, ViewPreferences view, IStringLocalizer<PreferenceStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return await save.SetAsync(me, request.Preferences, ct) is { } refusal
                    ? Problem(refusal, s)
                    : TypedResults.Ok(await view.HandleAsync(me, ct));
            })
            .WithName("FeedSetPreferences")
            .WithSummary("Sets the caller's choice for the listed types: a channel by name and/or push (a missing part keeps its current value); other types are unchanged. Unknown types or channels refuse the whole request (400 problem details).")
            .ProducesValidationProblem();

        api.MapDelete("", async ([FromQuery(Name = "type")] string[]? type, CurrentUser currentUser, SavePreferences save, CancellationToken ct) =>
            {
                await save.ResetAsync(await currentUser.RequireAsync(ct), type, ct);
                return TypedResults.NoContent();
            })
            .WithName("FeedResetPreferences")
            .WithSummary("Gives the caller's types back to their profile's defaults: all of them, or only those named by ?type=… (repeatable).");
    }

    private static ValidationProblem Problem(SavePreferences.Refusal refusal, IStringLocalizer<PreferenceStrings> s) =>
        TypedResults.ValidationProblem(
            refusal.Errors.ToDictionary(e => e.Key, e => e.Value.Select(x => s[x.Key, x.Value ?? string.Empty].Value).ToArray(), StringComparer.Ordinal),
            title: s["Error.Title"].Value);
}
