using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Platform.Resources;
using Preau.Platform.Security;

namespace Preau.Platform.Sharing;

/// <summary>
/// The sharing API: the dialog's use cases. A resource the caller may not manage answers 404;
/// unknown rights 400; people or groups outside the caller's visible set 422, listing them.
/// </summary>
public static class SharingApi
{
    public sealed record ShareRequest(IReadOnlyList<ShareChange>? Shares);

    public sealed record UpdateAnswer(int Added, int Changed, int Removed, int KeptHidden, ShareSheet Sheet);

    public sealed record BookmarkRequest(string? Name, IReadOnlyList<SharePrincipal>? Members);

    public static IEndpointRouteBuilder MapPreauSharing(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Sharing").RequireAuthorization();

        api.MapGet("/shares/recipients", async (string? q, CurrentUser currentUser, ShareRecipients recipients, CancellationToken ct) =>
                TypedResults.Ok(await recipients.SearchAsync((await currentUser.RequireAsync(ct)).Id, Trim(q), ct)))
            .WithName("SharingSearchRecipients")
            .WithSummary("People and groups the caller may share with whose name (or login) begins with q, a few of each: the groups with their head count.");

        api.MapGet("/shares/{type}/{id:guid}", async Task<Results<Ok<ShareSheet>, NotFound>> (string type, Guid id, CurrentUser currentUser, ViewShares view, CancellationToken ct) =>
                await view.HandleAsync((await currentUser.RequireAsync(ct)).Id, type, id, ct) is { } sheet ? TypedResults.Ok(sheet) : TypedResults.NotFound())
            .WithName("SharingGetShares")
            .WithSummary("The shares of a resource, for its owner or a holder of manage: the rights its type supports, then each person or group with their rights. People and groups the caller cannot see come without a name (visible: false).");

        api.MapPut("/shares/{type}/{id:guid}", async Task<Results<Ok<UpdateAnswer>, NotFound, ValidationProblem, ProblemHttpResult>> (
                string type, Guid id, ShareRequest request, CurrentUser currentUser, UpdateShares update, ViewShares view, IStringLocalizer<SharingStrings> s, CancellationToken ct) =>
            {
                var me = (await currentUser.RequireAsync(ct)).Id;
                var result = await update.HandleAsync(me, type, id, request.Shares ?? [], replace: true, ct);
                return result.Status switch
                {
                    ShareUpdateStatus.NotFound => TypedResults.NotFound(),
                    ShareUpdateStatus.UnknownRights => TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["rights"] = [.. result.UnknownRights.Select(r => s["Error.UnknownRight", r].Value)] }, title: s["Error.Title"].Value),
                    ShareUpdateStatus.Refused => Refused(result.Refused, s),
                    _ => TypedResults.Ok(new UpdateAnswer(result.Added, result.Changed, result.Removed, result.KeptHidden, (await view.HandleAsync(me, type, id, ct))!)),
                };
            })
            .WithName("SharingUpdateShares")
            .WithSummary("Sets the shares of a resource (audit share.update): the list is the whole wanted state; a person or group with no rights loses their share. People and groups the caller cannot see keep their share when left out, and may be taken away. Anyone the caller may not reach refuses the whole change (422, listed in refused).");

        MapBookmarks(api);
        return endpoints;
    }

    private static void MapBookmarks(RouteGroupBuilder api)
    {
        api.MapGet("/share-bookmarks", async (CurrentUser currentUser, ShareBookmarks bookmarks, CancellationToken ct) =>
                TypedResults.Ok(await bookmarks.ListAsync((await currentUser.RequireAsync(ct)).Id, ct)))
            .WithName("SharingListBookmarks")
            .WithSummary("The caller's saved recipient lists, with the members they may still reach (and how many they no longer may).");

        api.MapGet("/share-bookmarks/{id:guid}", async Task<Results<Ok<BookmarkView>, NotFound>> (Guid id, CurrentUser currentUser, ShareBookmarks bookmarks, CancellationToken ct) =>
                await bookmarks.GetAsync((await currentUser.RequireAsync(ct)).Id, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("SharingGetBookmark")
            .WithSummary("One saved recipient list of the caller.");

        api.MapPost("/share-bookmarks", async Task<Results<Created<BookmarkView>, NotFound, ValidationProblem, ProblemHttpResult>> (
                BookmarkRequest request, CurrentUser currentUser, ShareBookmarks bookmarks, IStringLocalizer<SharingStrings> s, CancellationToken ct) =>
            {
                var me = (await currentUser.RequireAsync(ct)).Id;
                var result = await bookmarks.CreateAsync(me, request.Name, request.Members ?? [], ct);
                return result.Status == BookmarkStatus.Saved
                    ? TypedResults.Created($"/api/v1/share-bookmarks/{result.Id}", (await bookmarks.GetAsync(me, result.Id!.Value, ct))!)
                    : BookmarkProblem<Created<BookmarkView>>(result, s);
            })
            .WithName("SharingCreateBookmark")
            .WithSummary("Saves a list of people and groups under a name (1 to 100 characters, at most 500 members); all must be within the caller's visible set (422 otherwise).");

        api.MapPut("/share-bookmarks/{id:guid}", async Task<Results<Ok<BookmarkView>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, BookmarkRequest request, CurrentUser currentUser, ShareBookmarks bookmarks, IStringLocalizer<SharingStrings> s, CancellationToken ct) =>
            {
                var me = (await currentUser.RequireAsync(ct)).Id;
                var result = await bookmarks.UpdateAsync(me, id, request.Name, request.Members, ct);
                return result.Status == BookmarkStatus.Saved ? TypedResults.Ok((await bookmarks.GetAsync(me, id, ct))!) : BookmarkProblem<Ok<BookmarkView>>(result, s);
            })
            .WithName("SharingUpdateBookmark")
            .WithSummary("Renames a saved list and, when members are given, replaces them.");

        api.MapDelete("/share-bookmarks/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CurrentUser currentUser, ShareBookmarks bookmarks, CancellationToken ct) =>
                await bookmarks.DeleteAsync((await currentUser.RequireAsync(ct)).Id, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("SharingDeleteBookmark")
            .WithSummary("Deletes a saved list (shares made with it stay).");
    }

    private static string? Trim(string? q) => q is { Length: > 100 } ? q[..100] : q;

    private static ProblemHttpResult Refused(IReadOnlyList<SharePrincipal> refused, IStringLocalizer<SharingStrings> s) =>
        TypedResults.Problem(
            title: s["Error.Refused.Title"].Value,
            detail: s["Error.Refused.Detail", refused.Count].Value,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["refused"] = refused });

    private static Results<TDone, NotFound, ValidationProblem, ProblemHttpResult> BookmarkProblem<TDone>(BookmarkResult result, IStringLocalizer<SharingStrings> s)
        where TDone : IResult =>
        result.Status switch
        {
            BookmarkStatus.NotFound => TypedResults.NotFound(),
            BookmarkStatus.Refused => Refused(result.Refused ?? [], s),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [s["Bookmark.Error.Name"].Value] }, title: s["Error.Title"].Value),
        };
}
