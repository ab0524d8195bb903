using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Feed.Features.FeedReading;
using Preau.Feed.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Security;
using Preau.Platform.Api;

namespace Preau.Feed.Api;

/// <summary>
/// The feed's API: the caller's own items only, through the same use cases as the pages. An id
/// that is not one of the caller's items answers 404; bad input answers validation problem
/// details in the caller's language.
/// </summary>
internal static class FeedApi
{
    /// <summary>A page of items, newest first; <c>nextBefore</c> asks for the next (older) page.</summary>
    public sealed record PageResponse(IReadOnlyList<FeedItem> Items, long? NextBefore);

    public sealed record UnreadResponse(int Count, bool OverCap);

    public sealed record ReportRequest(string? Reason);

    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/feed").WithTags("Fil d'actualité").RequireAuthorization();

        api.MapGet("", async Task<Results<Ok<PageResponse>, ValidationProblem>> (string? app, long? before, long? after, int? size,
                CurrentUser currentUser, ReadFeed feed, IStringLocalizer<FeedStrings> s, CancellationToken ct) =>
            {
                var request = new ReadFeed.Request(app, before, after, size);
                if (feed.Validate(request) is { } errors)
                {
                    return ApiProblems.Validation(errors, s);
                }

                var page = await feed.PageAsync((await currentUser.RequireAsync(ct)).Id, request, ct);
                return TypedResults.Ok(new PageResponse(page.Items, page.NextBefore));
            })
            .WithName("FeedGetPage")
            .WithSummary("The caller's feed, newest first: by application (app), older than an event (before, the previous answer's nextBefore) or newer than one (after); size 1 to 50, 20 by default. A first page (no cursor) first adds the recent events of groups the caller joined that their module opened to later members.");

        api.MapGet("/unread", async (CurrentUser currentUser, ReadFeed feed, CancellationToken ct) =>
            {
                var unread = await feed.UnreadAsync((await currentUser.RequireAsync(ct)).Id, ct);
                return TypedResults.Ok(new UnreadResponse(unread.Count, unread.OverCap));
            })
            .WithName("FeedGetUnread")
            .WithSummary("How many of the caller's items are unread, counted up to a cap (99): overCap says the count went past it (show \"99+\").");

        api.MapPost("/{id:long}/read", async Task<Results<NoContent, NotFound>> (long id, CurrentUser currentUser, FeedItemActions items, CancellationToken ct) =>
                Done(await items.MarkReadAsync((await currentUser.RequireAsync(ct)).Id, id, ct)))
            .WithName("FeedMarkRead")
            .WithSummary("Marks one of the caller's items read; 404 when the id is not one of the caller's (visible) items.");

        api.MapPost("/read-all", async (CurrentUser currentUser, FeedItemActions items, CancellationToken ct) =>
            {
                await items.MarkAllReadAsync((await currentUser.RequireAsync(ct)).Id, ct);
                return TypedResults.NoContent();
            })
            .WithName("FeedMarkAllRead")
            .WithSummary("Marks every unread item of the caller read.");

        api.MapPost("/{id:long}/hide", async Task<Results<NoContent, NotFound>> (long id, CurrentUser currentUser, FeedItemActions items, CancellationToken ct) =>
                Done(await items.HideAsync((await currentUser.RequireAsync(ct)).Id, id, ct)))
            .WithName("FeedHide")
            .WithSummary("Takes one of the caller's items out of their feed (for them only); 404 when it is not one of theirs.");

        api.MapPost("/{id:long}/report", async Task<Results<NoContent, NotFound, ValidationProblem>> (long id, ReportRequest? request,
                CurrentUser currentUser, FeedItemActions items, IStringLocalizer<FeedStrings> s, CancellationToken ct) =>
            {
                if (FeedItemActions.ValidateReason(request?.Reason) is { } error)
                {
                    return ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Reason"] = [error] }, s);
                }

                return await items.ReportAsync((await currentUser.RequireAsync(ct)).Id, id, request?.Reason, ct)
                    ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName("FeedReport")
            .WithSummary("Reports one of the caller's items to the moderators (ADML) of its school, with an optional reason of at most 500 characters: it leaves the caller's feed at once and waits in the moderation queue. 404 when it is not one of the caller's items.");

        return endpoints;
    }

    private static Results<NoContent, NotFound> Done(bool found) => found ? TypedResults.NoContent() : TypedResults.NotFound();
}
