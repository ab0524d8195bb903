using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>A comment as a reader sees it.</summary>
public sealed record CommentLine(Guid Id, Guid AuthorId, string Body, CommentState State, DateTimeOffset CreatedAt, bool MayDelete, bool MayApprove);

/// <summary>
/// Comments on published posts, by holders of the comment right when the blog accepts comments.
/// On a blog with comment validation a comment waits, seen by its author and the publishers only,
/// until a publisher approves it. Its author or a publisher deletes it.
/// </summary>
public sealed class BlogComments(PreauDbContext db, BlogAccess access, BlogAudience audience, FeedPublisher feed, TimeProvider clock)
{
    public const string Field = "Comment";

    /// <summary>The comments of a post the person may see: published ones, and pending ones when they wrote them or moderate.</summary>
    public async Task<IReadOnlyList<CommentLine>> OfAsync(UserContext me, BlogView view, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(view);
        var moderator = view.CanPublish;
        var rows = await db.Set<BlogComment>().AsNoTracking()
            .Where(c => c.PostId == postId && (c.State == CommentState.Published || moderator || c.AuthorId == me.Id))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(c => new CommentLine(c.Id, c.AuthorId, c.Body, c.State, c.CreatedAt, moderator || c.AuthorId == me.Id, moderator && c.State == CommentState.Pending))];
    }

    public async Task<Outcome<BlogComment>> AddAsync(UserContext me, Guid postId, string? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && p.State == PostState.Published, ct);
        var view = post is null ? null : await access.FindAsync(me, post.BlogId, ct);
        if (post is null || view is null)
        {
            return Outcome.NotFound<BlogComment>();
        }

        if (!view.CanComment)
        {
            return Outcome.Invalid<BlogComment>(Field, "Error.MayNotComment");
        }

        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Outcome.Invalid<BlogComment>(Field, "Error.CommentRequired");
        }

        if (text.Length > BlogComment.MaxLength)
        {
            return Outcome.Invalid<BlogComment>(Field, "Error.CommentTooLong");
        }

        var now = clock.GetUtcNow();
        var waits = view.Blog.CommentMode == CommentMode.Validation && !view.CanPublish;
        var comment = new BlogComment { Id = Guid.CreateVersion7(now), PostId = post.Id, AuthorId = me.Id, Body = text, State = waits ? CommentState.Pending : CommentState.Published, CreatedAt = now };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = post.Title, ["blog"] = view.Blog.Title };
        var link = BlogLinks.Post(post.BlogId, post.Id) + "#commentaires";
        if (waits)
        {
            var notice = new FeedNotice(BlogFeed.CommentSubmitted, me.Id, BlogFeed.CommentKey(comment.Id), link, values) { StructureId = view.Blog.StructureId };
            await feed.PublishAsync(await audience.ToHoldersAsync(notice, view.Blog.Id, view.Blog.OwnerId, ShareRight.Publish.Key, ct), ct);
        }
        else
        {
            await TellAuthorAsync(me.Id, post, view, values, link, ct);
        }

        return comment;
    }

    /// <summary>A publisher lets a waiting comment show; the post's author is told.</summary>
    public async Task<Outcome<Done>> ApproveAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        var (comment, post, view) = await FindAsync(me, commentId, ct);
        if (comment is null || view is not { CanPublish: true } || comment.State != CommentState.Pending)
        {
            return Outcome.NotFound<Done>();
        }

        comment.State = CommentState.Published;
        await db.SaveChangesAsync(ct);
        await feed.WithdrawAsync(BlogFeed.CommentKey(comment.Id), ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = post!.Title, ["blog"] = view.Blog.Title };
        await TellAuthorAsync(comment.AuthorId, post, view, values, BlogLinks.Post(post.BlogId, post.Id) + "#commentaires", ct);
        return new Done();
    }

    /// <summary>Its author or a publisher deletes a comment.</summary>
    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (comment, _, view) = await FindAsync(me, commentId, ct);
        if (comment is null || view is null || !(view.CanPublish || comment.AuthorId == me.Id))
        {
            return Outcome.NotFound<Done>();
        }

        db.Remove(comment);
        await db.SaveChangesAsync(ct);
        await feed.WithdrawAsync(BlogFeed.CommentKey(comment.Id), ct);
        return new Done();
    }

    private async Task TellAuthorAsync(Guid actorId, BlogPost post, BlogView view, Dictionary<string, string> values, string link, CancellationToken ct)
    {
        if (post.AuthorId != actorId)
        {
            await feed.PublishAsync(new FeedNotice(BlogFeed.Commented, actorId, BlogFeed.CommentedKey(post.Id), link, values)
            {
                Users = [post.AuthorId],
                StructureId = view.Blog.StructureId,
            }, ct);
        }
    }

    private async Task<(BlogComment? Comment, BlogPost? Post, BlogView? View)> FindAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        var comment = await db.Set<BlogComment>().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        var post = comment is null ? null : await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == comment.PostId && p.State == PostState.Published, ct);
        var view = post is null ? null : await access.FindAsync(me, post.BlogId, ct);
        return view is null || (comment!.State == CommentState.Pending && !view.CanPublish && comment.AuthorId != me.Id) ? (null, null, null) : (comment, post, view);
    }
}
