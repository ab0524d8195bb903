using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Blog.Resources;
using Preau.Platform.Api;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.RichText;
using Preau.Platform.Security;

namespace Preau.Blog.Api;

/// <summary>
/// The blog's API, for holders of blog.access: the same use cases as the pages. A blog, post or
/// comment the caller may not see answers 404, as a guessed id does; bad input answers problem
/// details in the caller's language. Writes carry the antiforgery token in X-CSRF-TOKEN.
/// </summary>
internal static class BlogApi
{
    public sealed record BlogRequest(string? Title, string? Description, PublishMode? PublishMode, CommentMode? CommentMode, Guid? ClassId);

    public sealed record PublicRequest(bool IsPublic);

    public sealed record BlogResponse(Guid Id, string Title, string Description, PublishMode PublishMode, CommentMode CommentMode, bool IsPublic, string? PublicUrl,
        Guid? ClassId, string? CoverUrl, IReadOnlyList<string> Rights);

    public sealed record BlogSummary(Guid Id, string Title, string Description, bool IsPublic, bool Mine, int Published, DateTimeOffset? LastPublishedAt);

    public sealed record PostRequest(string? Title, string? Body, bool Send);

    public sealed record ReturnRequest(string? Remark);

    public sealed record CommentRequest(string? Body);

    public sealed record PostSummary(Guid Id, string Title, string Excerpt, PostState State, Guid AuthorId, string AuthorName, DateTimeOffset? FirstPublishedAt, string? Remark, int Comments);

    public sealed record PostPageResponse(IReadOnlyList<PostSummary> Posts, string? Next);

    public sealed record PostResponse(Guid Id, Guid BlogId, string Title, string Body, PostState State, Guid AuthorId, string AuthorName, DateTimeOffset? FirstPublishedAt,
        DateTimeOffset UpdatedAt, string? Remark, bool MayEdit);

    public sealed record CommentResponse(Guid Id, Guid AuthorId, string AuthorName, string Body, CommentState State, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapBlogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/blogs").WithTags("Blog").RequireAuthorization().RequireAppRight(BlogModule.AccessRight);
        MapBlogs(api);
        MapPosts(api);
        MapComments(api);
        return endpoints;
    }

    private static void MapBlogs(RouteGroupBuilder api)
    {
        api.MapGet("", async (CurrentUser currentUser, ReadBlog read, CancellationToken ct) =>
                TypedResults.Ok((await read.MineAsync(await currentUser.RequireAsync(ct), ct))
                    .Select(b => new BlogSummary(b.Id, b.Title, b.Description, b.IsPublic, b.Mine, b.Published, b.LastPublishedAt)).ToList()))
            .WithName("BlogList")
            .WithSummary("The blogs the caller owns or may read, the most recently active first.");

        api.MapPost("", async Task<Results<Created<BlogResponse>, ValidationProblem>> (BlogRequest request, CurrentUser currentUser, ManageBlogs manage, BlogAccess access,
                IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await manage.CreateAsync(me, Settings(request), request.ClassId, ct);
                if (!outcome.Succeeded)
                {
                    return ApiProblems.Validation(outcome.Errors!, s);
                }

                var view = (await access.FindAsync(me, outcome.Value!.Id, ct))!;
                return TypedResults.Created($"/api/v1/blogs/{view.Blog.Id}", Describe(view));
            })
            .RequireAppRight(BlogModule.CreateRight)
            .WithName("BlogCreate")
            .WithSummary("Creates a blog: the caller's own, or a class's (classId: one of the caller's classes, shared at once with its pupils, parents and teachers). Modes default to validation.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<BlogResponse>, NotFound>> (Guid id, CurrentUser currentUser, BlogAccess access, CancellationToken ct) =>
                await access.FindAsync(await currentUser.RequireAsync(ct), id, ct) is { } view ? TypedResults.Ok(Describe(view)) : TypedResults.NotFound())
            .WithName("BlogGet")
            .WithSummary("A blog and the caller's rights on it (read, contrib, manage, publish, comment).");

        api.MapPut("/{id:guid}", async Task<Results<Ok<BlogResponse>, NotFound, ValidationProblem>> (Guid id, BlogRequest request, CurrentUser currentUser, ManageBlogs manage,
                BlogAccess access, IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await manage.UpdateAsync(me, id, Settings(request), ct);
                return !outcome.Found ? TypedResults.NotFound() : !outcome.Succeeded ? ApiProblems.Validation(outcome.Errors!, s)
                    : TypedResults.Ok(Describe((await access.FindAsync(me, id, ct))!));
            })
            .WithName("BlogUpdate")
            .WithSummary("Changes a blog's title, description and modes (owner or manager).");

        api.MapPut("/{id:guid}/public", async Task<Results<Ok<BlogResponse>, NotFound>> (Guid id, PublicRequest request, CurrentUser currentUser, ManageBlogs manage,
                BlogAccess access, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await manage.SetPublicAsync(me, id, request.IsPublic, ct);
                return outcome.Found ? TypedResults.Ok(Describe((await access.FindAsync(me, id, ct))!)) : TypedResults.NotFound();
            })
            .WithName("BlogSetPublic")
            .WithSummary("Opens or closes the blog's read-only public page (owner or manager). Closed, its address answers 404 at once.");

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CurrentUser currentUser, ManageBlogs manage, CancellationToken ct) =>
                (await manage.TrashAsync(await currentUser.RequireAsync(ct), id, ct)).Found ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("BlogDelete")
            .WithSummary("Puts a blog in the trash (its owner only).");
    }

    private static void MapPosts(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/posts", async Task<Results<Ok<PostPageResponse>, NotFound>> (Guid id, string? after, string? q, CurrentUser currentUser, BlogAccess access,
                ReadBlog read, CancellationToken ct) =>
            {
                if (await access.FindAsync(await currentUser.RequireAsync(ct), id, ct) is null)
                {
                    return TypedResults.NotFound();
                }

                var page = await read.PublishedAsync(id, after, q, ct);
                return TypedResults.Ok(new PostPageResponse([.. page.Posts.Select(p => Summary(p, page.Authors, page.Comments))], page.Next));
            })
            .WithName("BlogPosts")
            .WithSummary("A page of the blog's published posts by first publication, newest first (10); after = the next value of the page before; q searches titles and text.");

        api.MapGet("/{id:guid}/posts/waiting", async Task<Results<Ok<List<PostSummary>>, NotFound>> (Guid id, CurrentUser currentUser, BlogAccess access, ReadBlog read, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var view = await access.FindAsync(me, id, ct);
                if (view is null)
                {
                    return TypedResults.NotFound();
                }

                var lines = view.CanPublish ? await read.SubmittedAsync(id, ct) : [];
                var mine = view.CanContribute ? await read.UnpublishedOfAsync(id, me.Id, ct) : [];
                var all = lines.Concat(mine.Where(m => lines.All(l => l.Id != m.Id))).ToList();
                var names = await read.NamesAsync(all.Select(p => p.AuthorId), ct);
                return TypedResults.Ok(all.Select(p => Summary(p, names, new Dictionary<Guid, int>())).ToList());
            })
            .WithName("BlogPostsWaiting")
            .WithSummary("Posts that are not out: those submitted to the caller as a publisher, and the caller's own drafts (with a publisher's remark when one was returned) and submitted posts.");

        api.MapPost("/{id:guid}/posts", async Task<Results<Created<PostResponse>, NotFound, ValidationProblem>> (Guid id, PostRequest request, CurrentUser currentUser,
                WritePosts write, BlogAccess access, BlogPeople people, RichTextSanitizer sanitizer, IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await write.CreateAsync(me, id, request.Title, request.Body, request.Send ? PostIntent.Send : PostIntent.Save, ct);
                if (!outcome.Found)
                {
                    return TypedResults.NotFound();
                }

                return !outcome.Succeeded ? ApiProblems.Validation(outcome.Errors!, s)
                    : TypedResults.Created($"/api/v1/blogs/posts/{outcome.Value!.Post.Id}", await PostAsync(me, outcome.Value.Post, access, people, sanitizer, ct));
            })
            .WithName("BlogPostCreate")
            .WithSummary("Writes a post (contrib). send = false keeps a draft; send = true publishes it when the caller may (a publisher, or a blog without validation), otherwise submits it to the publishers.");

        api.MapGet("/posts/{postId:guid}", async Task<Results<Ok<PostResponse>, NotFound>> (Guid postId, CurrentUser currentUser, PreauDbContext db, BlogAccess access,
                BlogPeople people, RichTextSanitizer sanitizer, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
                var view = post is null ? null : await access.FindAsync(me, post.BlogId, ct);
                return view is null || !BlogAccess.CanSee(view, post!, me.Id) ? TypedResults.NotFound() : TypedResults.Ok(await PostAsync(me, post!, access, people, sanitizer, ct));
            })
            .WithName("BlogPostGet")
            .WithSummary("A post the caller may see: published, their own, or submitted to them as a publisher. The body is sanitized markup.");

        api.MapPut("/posts/{postId:guid}", async Task<Results<Ok<PostResponse>, NotFound, ValidationProblem>> (Guid postId, PostRequest request, CurrentUser currentUser,
                WritePosts write, BlogAccess access, BlogPeople people, RichTextSanitizer sanitizer, IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await write.UpdateAsync(me, postId, request.Title, request.Body, request.Send ? PostIntent.Send : PostIntent.Save, ct);
                return !outcome.Found ? TypedResults.NotFound() : !outcome.Succeeded ? ApiProblems.Validation(outcome.Errors!, s)
                    : TypedResults.Ok(await PostAsync(me, outcome.Value!.Post, access, people, sanitizer, ct));
            })
            .WithName("BlogPostUpdate")
            .WithSummary("Changes a post (its author, or a publisher); send = true as for a new post (a publisher's send validates a submitted post).");

        MapPostAction(api, "publish", "BlogPostPublish", "Publishes a post: a publisher validates a submitted post as it is, or a writer who publishes directly sends their draft.",
            (write, me, id, _, ct) => write.PublishAsync(me, id, ct));
        MapPostAction(api, "return", "BlogPostReturn", "A publisher gives a submitted post back to its author as a draft, with a remark (required).",
            (write, me, id, remark, ct) => write.ReturnAsync(me, id, remark, ct));
        MapPostAction(api, "unpublish", "BlogPostUnpublish", "Takes a published post back to draft: it leaves the blog and the feeds.",
            (write, me, id, _, ct) => write.UnpublishAsync(me, id, ct));

        api.MapDelete("/posts/{postId:guid}", async Task<Results<NoContent, NotFound>> (Guid postId, CurrentUser currentUser, WritePosts write, CancellationToken ct) =>
                (await write.DeleteAsync(await currentUser.RequireAsync(ct), postId, ct)).Found ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("BlogPostDelete")
            .WithSummary("Deletes a post for good (its author while they may change it, or a publisher).");
    }

    private static void MapPostAction(RouteGroupBuilder api, string action, string name, string summary, Func<WritePosts, UserContext, Guid, string?, CancellationToken, Task<Outcome<PostWritten>>> run)
    {
        api.MapPost($"/posts/{{postId:guid}}/{action}", async Task<Results<Ok<PostResponse>, NotFound, ValidationProblem>> (Guid postId, ReturnRequest? request, CurrentUser currentUser,
                WritePosts write, BlogAccess access, BlogPeople people, RichTextSanitizer sanitizer, IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await run(write, me, postId, request?.Remark, ct);
                return !outcome.Found ? TypedResults.NotFound() : !outcome.Succeeded ? ApiProblems.Validation(outcome.Errors!, s)
                    : TypedResults.Ok(await PostAsync(me, outcome.Value!.Post, access, people, sanitizer, ct));
            })
            .WithName(name)
            .WithSummary(summary);
    }

    private static void MapComments(RouteGroupBuilder api)
    {
        api.MapGet("/posts/{postId:guid}/comments", async Task<Results<Ok<List<CommentResponse>>, NotFound>> (Guid postId, CurrentUser currentUser, PreauDbContext db,
                BlogAccess access, BlogComments comments, BlogPeople people, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && p.State == PostState.Published, ct);
                var view = post is null ? null : await access.FindAsync(me, post.BlogId, ct);
                if (view is null)
                {
                    return TypedResults.NotFound();
                }

                var lines = await comments.OfAsync(me, view, postId, ct);
                var names = await people.NamesAsync(lines.Select(c => c.AuthorId), ct);
                return TypedResults.Ok(lines.Select(c => new CommentResponse(c.Id, c.AuthorId, Name(names, c.AuthorId), c.Body, c.State, c.CreatedAt)).ToList());
            })
            .WithName("BlogComments")
            .WithSummary("The comments of a published post: published ones, and those waiting for validation when the caller wrote them or moderates.");

        api.MapPost("/posts/{postId:guid}/comments", async Task<Results<Created<CommentResponse>, NotFound, ValidationProblem>> (Guid postId, CommentRequest request,
                CurrentUser currentUser, BlogComments comments, IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var outcome = await comments.AddAsync(me, postId, request.Body, ct);
                if (!outcome.Found)
                {
                    return TypedResults.NotFound();
                }

                if (!outcome.Succeeded)
                {
                    return ApiProblems.Validation(outcome.Errors!, s);
                }

                var c = outcome.Value!;
                return TypedResults.Created($"/api/v1/blogs/comments/{c.Id}", new CommentResponse(c.Id, c.AuthorId, me.DisplayName, c.Body, c.State, c.CreatedAt));
            })
            .WithName("BlogCommentAdd")
            .WithSummary("Comments a published post (comment right, when the blog accepts comments); on a blog with comment validation it waits for a publisher (state Pending).");

        api.MapPost("/comments/{commentId:guid}/approve", async Task<Results<NoContent, NotFound>> (Guid commentId, CurrentUser currentUser, BlogComments comments, CancellationToken ct) =>
                (await comments.ApproveAsync(await currentUser.RequireAsync(ct), commentId, ct)).Found ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("BlogCommentApprove")
            .WithSummary("A publisher lets a waiting comment show.");

        api.MapDelete("/comments/{commentId:guid}", async Task<Results<NoContent, NotFound>> (Guid commentId, CurrentUser currentUser, BlogComments comments, CancellationToken ct) =>
                (await comments.DeleteAsync(await currentUser.RequireAsync(ct), commentId, ct)).Found ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("BlogCommentDelete")
            .WithSummary("Deletes a comment (its author or a publisher).");
    }

    private static BlogSettings Settings(BlogRequest request) =>
        new(request.Title, request.Description, request.PublishMode ?? PublishMode.Validation, request.CommentMode ?? CommentMode.Validation);

    private static BlogResponse Describe(BlogView view) =>
        new(view.Blog.Id, view.Blog.Title, view.Blog.Description, view.Blog.PublishMode, view.Blog.CommentMode, view.Blog.IsPublic,
            view.Blog.IsPublic ? BlogLinks.PublicHome(view.Blog.Slug) : null, view.Blog.ClassId,
            view.Blog.CoverId is { } cover ? BlogLinks.Media(cover) : null, [.. view.Rights.Order(StringComparer.Ordinal)]);

    private static PostSummary Summary(PostLine p, IReadOnlyDictionary<Guid, BlogAuthor> names, IReadOnlyDictionary<Guid, int> comments) =>
        new(p.Id, p.Title, p.Excerpt, p.State, p.AuthorId, Name(names, p.AuthorId), p.FirstPublishedAt, p.Remark, comments.GetValueOrDefault(p.Id));

    private static async Task<PostResponse> PostAsync(UserContext me, BlogPost post, BlogAccess access, BlogPeople people, RichTextSanitizer sanitizer, CancellationToken ct)
    {
        var view = (await access.FindAsync(me, post.BlogId, ct))!;
        var names = await people.NamesAsync([post.AuthorId], ct);
        return new PostResponse(post.Id, post.BlogId, post.Title, sanitizer.Sanitize(post.Body, WritePosts.Body).Html, post.State, post.AuthorId, Name(names, post.AuthorId),
            post.FirstPublishedAt, post.UpdatedAt, post.AuthorId == me.Id ? post.Remark : null, WritePosts.MayEdit(view, post, me.Id));
    }

    private static string Name(IReadOnlyDictionary<Guid, BlogAuthor> names, Guid id) => (names.GetValueOrDefault(id) ?? BlogPeople.Unknown(id)).DisplayName;
}
