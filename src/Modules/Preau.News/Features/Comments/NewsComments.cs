using Microsoft.EntityFrameworkCore;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.News.Features.Comments;

/// <summary>A comment as the item's page shows it.</summary>
public sealed record CommentView(Guid Id, Guid AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, bool Pending, bool CanDelete, bool CanApprove);

/// <summary>
/// Comments on a published item, when its thread allows them: holders of the comment right add
/// one (plain text); in a moderated thread it waits for a publisher's approval, seen meanwhile by
/// its author and the publishers only. Its author deletes their comment, publishers any. The
/// item's author is told of each comment others see.
/// </summary>
public sealed class NewsComments(PreauDbContext db, NewsAccess access, NewsFeed feed, TimeProvider clock)
{
    public const string BodyField = "Body";

    public sealed record Thread(IReadOnlyList<CommentView> Comments, bool Enabled, bool CanComment, bool Moderated);

    public async Task<Thread?> ListAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.ItemAsync(me.Id, itemId, clock.GetUtcNow(), ct) is not var (item, a))
        {
            return null;
        }

        var moderates = a.Rights.Moderates;
        var rows = await db.Set<NewsComment>().AsNoTracking()
            .Where(c => c.ItemId == itemId && c.DeletedAt == null && (c.ApprovedAt != null || moderates || c.AuthorId == me.Id))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { Comment = c, u.DisplayName })
            .ToListAsync(ct);
        return new Thread([.. rows.Select(r => View(r.Comment, r.DisplayName, me.Id, moderates))], a.Thread.CommentsEnabled,
            CanComment(item, a, clock.GetUtcNow()), a.Thread.CommentsModerated);
    }

    public async Task<Outcome<CommentView>> AddAsync(UserContext me, Guid itemId, string? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a))
        {
            return Outcome.NotFound<CommentView>();
        }

        if (!CanComment(item, a, now))
        {
            return Outcome.Invalid<CommentView>(BodyField, "Comment.Error.Closed");
        }

        var text = Clean(body);
        if (text.Length == 0)
        {
            return Outcome.Invalid<CommentView>(BodyField, "Comment.Error.Empty");
        }

        if (text.Length > NewsComment.MaxLength)
        {
            return Outcome.Invalid<CommentView>(BodyField, "Comment.Error.TooLong");
        }

        var approved = !a.Thread.CommentsModerated || a.Rights.Moderates;
        var comment = new NewsComment { Id = Guid.CreateVersion7(now), ItemId = itemId, AuthorId = me.Id, Body = text, CreatedAt = now, ApprovedAt = approved ? now : null };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        if (approved)
        {
            await feed.CommentedAsync(a.Thread, item, me.Id, ct);
        }

        return View(comment, me.DisplayName, me.Id, a.Rights.Moderates);
    }

    /// <summary>A publisher lets a waiting comment show; the item's author is told then.</summary>
    public async Task<Outcome<CommentView>> ApproveAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (comment, item, a) = await FindAsync(me, commentId, ct);
        if (comment is null || !a!.Rights.Moderates)
        {
            return Outcome.NotFound<CommentView>();
        }

        if (comment.ApprovedAt is null)
        {
            comment.ApprovedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await feed.CommentedAsync(a.Thread, item!, comment.AuthorId, ct);
        }

        var name = await db.Users.Where(u => u.Id == comment.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return View(comment, name, me.Id, true);
    }

    /// <summary>Its author deletes their comment; publishers delete any. 404 otherwise.</summary>
    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (comment, _, a) = await FindAsync(me, commentId, ct);
        if (comment is null || (comment.AuthorId != me.Id && !a!.Rights.Moderates))
        {
            return Outcome.NotFound<Done>();
        }

        comment.DeletedAt = clock.GetUtcNow();
        comment.Body = "";
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    private async Task<(NewsComment? Comment, NewsItem? Item, ThreadAccess? Access)> FindAsync(UserContext me, Guid commentId, CancellationToken ct)
    {
        var comment = await db.Set<NewsComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.DeletedAt == null, ct);
        if (comment is null || await access.ItemAsync(me.Id, comment.ItemId, clock.GetUtcNow(), ct) is not var (item, a))
        {
            return (null, null, null);
        }

        // A waiting comment exists only for its author and the publishers.
        return comment.ApprovedAt is null && comment.AuthorId != me.Id && !a.Rights.Moderates ? (null, null, null) : (comment, item, a);
    }

    private static bool CanComment(NewsItem item, ThreadAccess a, DateTimeOffset now) =>
        a.Thread.CommentsEnabled && item.IsVisibleAt(now) && (a.Rights.Comment || a.Rights.Moderates);

    private static CommentView View(NewsComment c, string name, Guid me, bool moderates) =>
        new(c.Id, c.AuthorId, name, c.Body, c.CreatedAt, c.ApprovedAt is null, c.AuthorId == me || moderates, moderates && c.ApprovedAt is null);

    /// <summary>Line ends made one, control characters (but line breaks and tabs) dropped, ends trimmed.</summary>
    internal static string Clean(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new string([.. text.Where(c => c is '\n' or '\t' || !char.IsControl(c))]).Trim().Normalize(System.Text.NormalizationForm.FormC);
    }
}
