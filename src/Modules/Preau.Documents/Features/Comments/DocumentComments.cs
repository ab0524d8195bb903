using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Comments;

/// <summary>A comment as the document's page shows it; <see cref="CanDelete"/> for its author and the document's owner.</summary>
public sealed record CommentItem(Guid Id, Guid AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, bool Deleted, bool CanDelete);

/// <summary>
/// Comments on a document: whoever may read it reads them and adds one (plain text, up to
/// 2,000 characters); its author or the document's owner deletes one (its text goes, its place
/// stays). The owner is told in their feed when someone else comments.
/// </summary>
public sealed class DocumentComments(PreauDbContext db, DocumentAccess access, FeedPublisher feed, TimeProvider clock)
{
    public const string BodyField = "Body";

    /// <summary>"Claire Martin a commenté « Sortie.pdf »", to the document's owner.</summary>
    public const string FeedType = "documents.commented";

    public static string ResourceKey(Guid documentId) => $"documents.file:{documentId}";

    /// <summary>The comments of a document one may read, oldest first; null when it is not one (404).</summary>
    public async Task<IReadOnlyList<CommentItem>?> ListAsync(UserContext me, Guid documentId, CancellationToken ct)
    {
        var document = await access.DocumentAsync(me, documentId, DocumentRight.Read, ct);
        if (document is null)
        {
            return null;
        }

        var rows = await db.Set<DocComment>().AsNoTracking().Where(c => c.DocumentId == documentId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { c.Id, c.AuthorId, u.DisplayName, c.Body, c.CreatedAt, c.DeletedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CommentItem(r.Id, r.AuthorId, r.DisplayName, r.DeletedAt is null ? r.Body : "", r.CreatedAt, r.DeletedAt is not null,
            r.DeletedAt is null && (r.AuthorId == me.Id || document.OwnerId == me.Id)))];
    }

    public async Task<Outcome<CommentItem>> AddAsync(UserContext me, Guid documentId, string? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await access.DocumentAsync(me, documentId, DocumentRight.Read, ct);
        if (document is null)
        {
            return Outcome.NotFound<CommentItem>();
        }

        var text = Clean(body);
        if (text.Length == 0)
        {
            return Outcome.Invalid<CommentItem>(BodyField, "Comment.Error.Empty");
        }

        if (text.Length > DocComment.MaxLength)
        {
            return Outcome.Invalid<CommentItem>(BodyField, "Comment.Error.TooLong");
        }

        var now = clock.GetUtcNow();
        var comment = new DocComment { Id = Guid.CreateVersion7(now), DocumentId = documentId, AuthorId = me.Id, Body = text, CreatedAt = now };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        if (document.OwnerId != me.Id)
        {
            await feed.PublishAsync(new FeedNotice(FeedType, me.Id, ResourceKey(documentId), $"{DocumentsModule.Url}/{documentId}#commentaires",
                new Dictionary<string, string> { ["title"] = document.Name }) { Users = [document.OwnerId] }, ct);
        }

        return new CommentItem(comment.Id, me.Id, me.DisplayName, text, now, false, true);
    }

    /// <summary>Deletes a comment of a document one may read, as its author or the document's owner; 404 otherwise.</summary>
    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid documentId, Guid commentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await access.DocumentAsync(me, documentId, DocumentRight.Read, ct);
        var comment = document is null ? null
            : await db.Set<DocComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.DocumentId == documentId && c.DeletedAt == null, ct);
        if (comment is null || (comment.AuthorId != me.Id && document!.OwnerId != me.Id))
        {
            return Outcome.NotFound<Done>();
        }

        comment.DeletedAt = clock.GetUtcNow();
        comment.Body = "";
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    /// <summary>Line ends made one, control characters (but line breaks and tabs) dropped, ends trimmed.</summary>
    internal static string Clean(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new string([.. text.Where(c => c is '\n' or '\t' || !char.IsControl(c))]).Trim().Normalize(System.Text.NormalizationForm.FormC);
    }
}
