using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.News.Domain;
using Preau.News.Features.Comments;
using Preau.News.Features.Items;
using Preau.News.Features.Threads;
using Preau.News.Resources;
using Preau.Platform.Api;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.News.Api;

/// <summary>
/// The actualités' API, for holders of news.access: the same use cases as the pages. A thread,
/// item or comment the caller may not see answers 404, as a guessed id does; an action their
/// rights do not allow on something they see answers 404 too (a contributor publishing); bad
/// input answers problem details in the caller's language. Instants are ISO 8601 with an offset.
/// </summary>
internal static class NewsApi
{
    public sealed record ThreadRequest(string? Title, string? Color, bool CommentsEnabled, bool CommentsModerated, Guid? StructureId, bool WholeSchool, Guid? ClassId);

    public sealed record ThreadResponse(Guid Id, string Title, string Color, string Scope, Guid StructureId, bool Owned, IReadOnlyList<string> Rights,
        bool CommentsEnabled, bool CommentsModerated)
    {
        public static ThreadResponse Of(ThreadSummary t) => new(t.Id, t.Title, t.Color, t.Scope.ToString().ToLowerInvariant(), t.StructureId, t.Owned,
            [.. new[] { ("read", t.Rights.Read), ("contrib", t.Rights.Contrib), ("publish", t.Rights.Publish), ("comment", t.Rights.Comment), ("manage", t.Rights.Manage) }
                .Where(r => r.Item2).Select(r => r.Item1)],
            t.CommentsEnabled, t.CommentsModerated);
    }

    public sealed record ItemRequest(string? Title, string? Body, DateTimeOffset? PublishAt, DateTimeOffset? ExpireAt, bool Headline)
    {
        public ItemForm Form => new(Title, Body, PublishAt, ExpireAt, Headline);
    }

    public sealed record ItemResponse(Guid Id, Guid ThreadId, string Title, string Body, string Preview, string Status, bool Headline,
        DateTimeOffset? PublishAt, DateTimeOffset? ExpireAt, DateTimeOffset? FirstPublishedAt, Guid AuthorId, string AuthorName)
    {
        public static ItemResponse Of(ItemView v) => new(v.Id, v.ThreadId, v.Title, v.Body, v.Preview, v.Status.ToString().ToLowerInvariant(), v.Headline,
            v.PublishAt, v.ExpireAt, v.FirstPublishedAt, v.AuthorId, v.AuthorName);
    }

    public sealed record CommentRequest(string? Body);

    public sealed record CommentResponse(Guid Id, Guid AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, bool Pending)
    {
        public static CommentResponse Of(CommentView c) => new(c.Id, c.AuthorId, c.AuthorName, c.Body, c.CreatedAt, c.Pending);
    }

    public sealed record CommentsResponse(bool Enabled, bool Moderated, bool CanComment, IReadOnlyList<CommentResponse> Comments);

    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/news").WithTags("News").RequireAuthorization().RequireAppRight(NewsModule.AccessRight);
        MapThreads(api);
        MapItems(api);
        MapComments(api);
        return endpoints;
    }

    private static void MapThreads(RouteGroupBuilder api)
    {
        api.MapGet("/threads", async (CurrentUser currentUser, ManageThreads threads, CancellationToken ct) =>
                TypedResults.Ok((await threads.ListAsync(await currentUser.RequireAsync(ct), ct)).Select(ThreadResponse.Of).ToList()))
            .WithName("NewsThreads")
            .WithSummary("The caller's threads and those shared with them, with the rights they hold on each (read, contrib, publish, comment, manage).");

        api.MapPost("/threads", async Task<Results<Created<ThreadResponse>, NotFound, ValidationProblem>> (ThreadRequest request, CurrentUser currentUser, ManageThreads threads,
                IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var structure = request.StructureId ?? me.CurrentStructure(null)?.Id ?? Guid.Empty;
                var outcome = await threads.CreateAsync(me, structure, request.WholeSchool, request.ClassId, new ThreadForm(request.Title, request.Color, request.CommentsEnabled, request.CommentsModerated), ct);
                return ApiResults.Created(outcome.Map(ThreadResponse.Of), s, t => $"/api/v1/news/threads/{t.Id}/items");
            })
            .RequireAppRight(NewsModule.CreateRight)
            .WithName("NewsCreateThread")
            .WithSummary("Creates a thread in one of the caller's schools (structureId; their first when absent): wholeSchool for the school (its groups read and comment, teachers and staff write drafts), classId for a class (its pupils and parents read and comment, its teachers write and publish), neither for chosen people (share it through /api/v1/shares/news.thread/{id}). 403 without news.create.");

        api.MapPut("/threads/{id:guid}", async Task<Results<Ok<ThreadResponse>, NotFound, ValidationProblem>> (Guid id, ThreadRequest request, CurrentUser currentUser,
                ManageThreads threads, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await threads.UpdateAsync(await currentUser.RequireAsync(ct), id, new ThreadForm(request.Title, request.Color, request.CommentsEnabled, request.CommentsModerated), ct), ThreadResponse.Of, s))
            .WithName("NewsUpdateThread")
            .WithSummary("Changes a thread's title, colour and comments (on, moderated), for its owner and managers; 404 for anyone else.");
    }

    private static void MapItems(RouteGroupBuilder api)
    {
        api.MapGet("/threads/{id:guid}/items", async Task<Results<Ok<List<ItemResponse>>, NotFound>> (Guid id, CurrentUser currentUser, ReadNews read, CancellationToken ct) =>
                await read.ListAsync(await currentUser.RequireAsync(ct), id, ct) is { } items ? TypedResults.Ok(items.Select(ItemResponse.Of).ToList()) : TypedResults.NotFound())
            .WithName("NewsItems")
            .WithSummary("A thread's items the caller may see, newest first: readers the published ones whose time came and that have not expired; authors their own drafts; publishers every item. status is draft, submitted, scheduled, published or expired.");

        api.MapPost("/threads/{id:guid}/items", async Task<Results<Created<ItemResponse>, NotFound, ValidationProblem>> (Guid id, ItemRequest request, CurrentUser currentUser,
                WriteNews write, ReadNews read, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await write.CreateAsync(me, id, request.Form, ct);
                return ApiResults.Created((await ViewAsync(outcome, me, read, ct)).Map(ItemResponse.Of), s, v => $"/api/v1/news/items/{v.Id}");
            })
            .WithName("NewsCreateItem")
            .WithSummary("Writes a draft in a thread where the caller holds contrib or publish: title (plain, 200 at most), body (rich text, sanitized), publishAt (optional: scheduled), expireAt (optional), headline. 404 for anyone else.");

        api.MapGet("/items/{id:guid}", async Task<Results<Ok<ItemResponse>, NotFound>> (Guid id, CurrentUser currentUser, ReadNews read, CancellationToken ct) =>
                await read.GetAsync(await currentUser.RequireAsync(ct), id, ct) is { } item ? TypedResults.Ok(ItemResponse.Of(item)) : TypedResults.NotFound())
            .WithName("NewsItem")
            .WithSummary("An item the caller may see; 404 otherwise.");

        api.MapPut("/items/{id:guid}", async Task<Results<Ok<ItemResponse>, NotFound, ValidationProblem>> (Guid id, ItemRequest request, CurrentUser currentUser,
                WriteNews write, ReadNews read, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return ApiResults.Ok(await ViewAsync(await write.UpdateAsync(me, id, request.Form, ct), me, read, ct), ItemResponse.Of, s);
            })
            .WithName("NewsUpdateItem")
            .WithSummary("Changes an item: its author while it is a draft or submitted, publishers always (a publishAt to come reschedules a published item). 404 for anyone else.");

        MapStep(api, "submit", "NewsSubmitItem", "Its author sends a draft to the thread's publishers, who are told. 400 when it is not a draft.", (w, me, id, ct) => w.SubmitAsync(me, id, ct));
        MapStep(api, "publish", "NewsPublishItem", "A publisher publishes a draft or submitted item: at once when its publishAt is empty or past (readers are told), else at that instant (a job tells them then). 404 without the publish right.", (w, me, id, ct) => w.PublishAsync(me, id, ct));
        MapStep(api, "unpublish", "NewsUnpublishItem", "A publisher takes a published item back to draft; its notifications are withdrawn. 404 without the publish right.", (w, me, id, ct) => w.UnpublishAsync(me, id, ct));

        api.MapDelete("/items/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, WriteNews write,
                IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await write.TrashAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("NewsTrashItem")
            .WithSummary("Trashes an item (its author's draft or submitted one; any, for publishers); its notifications are withdrawn.");
    }

    private static void MapStep(RouteGroupBuilder api, string step, string name, string summary, Func<WriteNews, UserContext, Guid, CancellationToken, Task<Outcome<NewsItem>>> run) =>
        api.MapPost($"/items/{{id:guid}}/{step}", async Task<Results<Ok<ItemResponse>, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, WriteNews write, ReadNews read,
                IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return ApiResults.Ok(await ViewAsync(await run(write, me, id, ct), me, read, ct), ItemResponse.Of, s);
            })
            .WithName(name)
            .WithSummary(summary);

    private static void MapComments(RouteGroupBuilder api)
    {
        api.MapGet("/items/{id:guid}/comments", async Task<Results<Ok<CommentsResponse>, NotFound>> (Guid id, CurrentUser currentUser, NewsComments comments, CancellationToken ct) =>
                await comments.ListAsync(await currentUser.RequireAsync(ct), id, ct) is { } t
                    ? TypedResults.Ok(new CommentsResponse(t.Enabled, t.Moderated, t.CanComment, [.. t.Comments.Select(CommentResponse.Of)]))
                    : TypedResults.NotFound())
            .WithName("NewsComments")
            .WithSummary("An item's comments, oldest first: approved ones, plus the caller's own waiting ones (all waiting ones for publishers).");

        api.MapPost("/items/{id:guid}/comments", async Task<Results<Created<CommentResponse>, NotFound, ValidationProblem>> (Guid id, CommentRequest request, CurrentUser currentUser,
                NewsComments comments, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
                ApiResults.Created((await comments.AddAsync(await currentUser.RequireAsync(ct), id, request.Body, ct)).Map(CommentResponse.Of), s, c => $"/api/v1/news/items/{id}/comments"))
            .WithName("NewsAddComment")
            .WithSummary("Comments a published item (plain text, 2,000 characters at most) where the thread allows comments and the caller holds the comment right; in a moderated thread it waits for a publisher (pending). 400 when comments are closed.");

        api.MapPost("/comments/{id:guid}/approve", async Task<Results<Ok<CommentResponse>, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser,
                NewsComments comments, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await comments.ApproveAsync(await currentUser.RequireAsync(ct), id, ct), CommentResponse.Of, s))
            .WithName("NewsApproveComment")
            .WithSummary("A publisher lets a waiting comment show; the item's author is told. 404 for anyone else.");

        api.MapDelete("/comments/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser,
                NewsComments comments, IStringLocalizer<NewsStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await comments.DeleteAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("NewsDeleteComment")
            .WithSummary("Deletes a comment: its author, or a publisher of the thread. 404 for anyone else.");
    }

    private static async Task<Outcome<ItemView>> ViewAsync(Outcome<NewsItem> outcome, UserContext me, ReadNews read, CancellationToken ct) =>
        !outcome.Found ? Outcome.NotFound<ItemView>()
        : outcome.Errors is { } errors ? Outcome.Invalid<ItemView>(errors)
        : await read.GetAsync(me, outcome.Value!.Id, ct) is { } view ? view : Outcome.NotFound<ItemView>();
}
