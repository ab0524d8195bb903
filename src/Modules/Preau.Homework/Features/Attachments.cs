using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Homework.Domain;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Homework.Features;

/// <summary>What documents are joined to: a homework or a lesson.</summary>
public enum EntryKind
{
    Homework = 1,
    Session = 2,
}

/// <summary>A document joined to an entry, as a list shows it: a link to download it, its name and size.</summary>
public sealed record AttachmentView(Guid Id, Guid EntryId, string Name, string ContentType, long Length)
{
    /// <summary>Where it is downloaded (<c>?voir=1</c>: shown in the browser when it is a picture or a PDF).</summary>
    public string Url => HomeworkAttachments.DownloadUrl(Id);
}

/// <summary>An entry its writer may join documents to: its book as they see it, its day (a visa freezes it), its title, how many it has.</summary>
public sealed record AttachableEntry(EntryKind Kind, Guid Id, BookView View, DateOnly Date, string Title, int Count)
{
    public bool IsFrozen => View.IsFrozen(Date);
}

/// <summary>
/// Documents joined to homework and lessons, chosen in the writer's document space as the
/// messaging and the blog do: each is held by one more reference to the document's current
/// content (no byte copied), charged to the quota of whoever attached it, and given back when it
/// is taken off or its entry goes. Only the book's writers attach and remove, never under a visa,
/// at most <see cref="HwAttachment.MaxPerEntry"/> per entry; a document is opened by exactly
/// those who read its entry: the book's writers and readers, and for a homework the pupils whose
/// list shows it, their parents and their étude's animator. Anyone else: not found.
/// </summary>
public sealed class HomeworkAttachments(PreauDbContext db, HomeworkAccess access, QuotaStore quotaStore, BlobRegistry blobs, StorageQuota quota,
    IBlobStore store, TimeProvider clock, IServiceProvider services)
{
    /// <summary>The field refusals come under.</summary>
    public const string Field = "Documents";

    public static string DownloadUrl(Guid attachmentId) => $"{HomeworkModule.Url}/pieces/{attachmentId}";

    /// <summary>The document space, when the application has one (the picker's source).</summary>
    public IDocumentSource? Source { get; } = services.GetService<IDocumentSource>();

    /// <summary>An attachment to send.</summary>
    public sealed record Download(string Name, long Length, Stream Content);

    /// <summary>The entry if the person writes in its book; null otherwise (not found).</summary>
    public async Task<AttachableEntry?> WritableAsync(UserContext me, EntryKind kind, Guid entryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var entry = kind == EntryKind.Homework
            ? await db.Set<HwHomework>().AsNoTracking().Where(h => h.Id == entryId).Select(h => new { h.BookId, Date = h.GivenOn, Title = h.Summary }).FirstOrDefaultAsync(ct)
            : await db.Set<HwSession>().AsNoTracking().Where(s => s.Id == entryId).Select(s => new { s.BookId, s.Date, s.Title }).FirstOrDefaultAsync(ct);
        var view = entry is null ? null : await access.FindAsync(me, entry.BookId, ct);
        return entry is null || view is not { CanWrite: true } ? null
            : new AttachableEntry(kind, entryId, view, entry.Date, entry.Title, await Of(kind, entryId).CountAsync(ct));
    }

    /// <summary>
    /// Joins documents of the person's space to an entry they write: all of them, or none when one
    /// may not be read (not found), the entry is under a visa, the limit or the quota is passed.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<AttachmentView>>> AttachAsync(UserContext me, EntryKind kind, Guid entryId, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var entry = await WritableAsync(me, kind, entryId, ct);
        if (Source is null || entry is null)
        {
            return Outcome.NotFound<IReadOnlyList<AttachmentView>>();
        }

        var ids = documentIds.Distinct().ToList();
        var refusal = entry.IsFrozen ? "Error.Frozen" : ids.Count == 0 ? "Error.NoneChosen" : entry.Count + ids.Count > HwAttachment.MaxPerEntry ? "Error.TooMany" : null;
        if (refusal is not null)
        {
            return Outcome.Invalid<IReadOnlyList<AttachmentView>>(Field, refusal);
        }

        // Every document is checked before anything is attached: one the person may not read refuses them all.
        var picked = new List<PickedDocument>(ids.Count);
        foreach (var id in ids)
        {
            if (await Source.ReferenceAsync(me, id, ct) is not { } document)
            {
                return Outcome.NotFound<IReadOnlyList<AttachmentView>>();
            }

            picked.Add(document);
        }

        return await quotaStore.ReferenceWithinQuotaAsync(me.Id, [.. picked.Select(p => new HeldContent(p.BlobKey, p.Length))], Field,
            c => AddAsync(me.Id, kind, entryId, [.. picked.Select(p => (p.BlobKey, p.Name, p.ContentType, p.Length))], c), ct);
    }

    /// <summary>Takes a document off an entry the person writes (not under a visa): its reference and its room in the quota go back.</summary>
    public async Task<Outcome<Done>> RemoveAsync(UserContext me, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Set<HwAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
        var entry = attachment is null ? null : await WritableAsync(me, attachment.HomeworkId is null ? EntryKind.Session : EntryKind.Homework, attachment.EntryId, ct);
        if (attachment is null || entry is null)
        {
            return Outcome.NotFound<Done>();
        }

        if (entry.IsFrozen)
        {
            return Outcome.Invalid<Done>(Field, "Error.Frozen");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReleaseAsync([attachment], ct);
        await transaction.CommitAsync(ct);
        return new Done();
    }

    /// <summary>
    /// The documents of many entries at once (a week of a book, a pupil's list): one query, by
    /// homework or lesson id, in their order. For entries the caller has checked the person reads.
    /// </summary>
    public async Task<ILookup<Guid, AttachmentView>> ListAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        if (entryIds.Count == 0)
        {
            return Array.Empty<AttachmentView>().ToLookup(a => a.EntryId);
        }

        List<Guid?> ids = [.. entryIds.Distinct().Select(id => (Guid?)id)];
        var rows = await db.Set<HwAttachment>().AsNoTracking().Where(a => ids.Contains(a.HomeworkId) || ids.Contains(a.SessionId))
            .OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.HomeworkId ?? a.SessionId ?? Guid.Empty, a.Name, a.ContentType, a.Length))
            .ToListAsync(ct);
        return rows.ToLookup(a => a.EntryId);
    }

    /// <summary>
    /// An attachment for the person who may read its entry: a writer or reader of its book (who
    /// sees everything); for a homework, also a pupil whose list shows it (their group, for them
    /// when targeted, visible by now), their parents, their étude's animator. Null otherwise.
    /// </summary>
    public async Task<Download?> OpenAsync(UserContext me, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var attachment = await db.Set<HwAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null)
        {
            return null;
        }

        bool readable;
        if (attachment.HomeworkId is { } homeworkId)
        {
            var homework = await db.Set<HwHomework>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
            var family = me.Profile is Profile.Student or Profile.Relative;
            readable = homework is not null && (
                ((family || me.Profile == Profile.Periscolaire) && await access.IsShownToAnyAsync(homework, await access.FamilyPupilsAsync(me, ct), ct))
                || (!family && (await access.FindAsync(me, homework.BookId, ct))?.SeesAll == true));
        }
        else
        {
            // Lessons are read in the book only, by its writers and readers.
            var bookId = await db.Set<HwSession>().AsNoTracking().Where(s => s.Id == attachment.SessionId).Select(s => (Guid?)s.BookId).FirstOrDefaultAsync(ct);
            readable = bookId is not null && (await access.FindAsync(me, bookId.Value, ct))?.SeesAll == true;
        }

        var content = readable ? await store.OpenReadAsync(attachment.BlobKey, ct) : null;
        return content is null ? null : new Download(attachment.Name, attachment.Length, content);
    }

    /// <summary>
    /// Removes an entry (a homework, a lesson) with its documents, whose references and room go
    /// back, in one transaction: what deleting an entry must go through (the rows restrict it).
    /// </summary>
    internal async Task DeleteEntryAsync(object entry, EntryKind kind, Guid entryId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReleaseAsync(await Of(kind, entryId).AsNoTracking().ToListAsync(ct), ct);
        db.Remove(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Gives a copied entry the documents of the original: one more reference each, charged to the
    /// person copying; all of them or none (<c>Error.QuotaFull</c>).
    /// </summary>
    internal async Task<Outcome<Done>> CopyAsync(UserContext me, EntryKind kind, Guid fromId, Guid toId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var sources = await Of(kind, fromId).AsNoTracking().OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
        if (sources.Count == 0)
        {
            return new Done();
        }

        var copied = await quotaStore.ReferenceWithinQuotaAsync(me.Id, [.. sources.Select(a => new HeldContent(a.BlobKey, a.Length))], Field,
            c => AddAsync(me.Id, kind, toId, [.. sources.Select(a => (a.BlobKey, a.Name, a.ContentType, a.Length))], c), ct);
        return copied.Map(_ => new Done());
    }

    private IQueryable<HwAttachment> Of(EntryKind kind, Guid entryId) =>
        kind == EntryKind.Homework ? db.Set<HwAttachment>().Where(a => a.HomeworkId == entryId) : db.Set<HwAttachment>().Where(a => a.SessionId == entryId);

    /// <summary>Adds the rows, inside the transaction that took their references: the limit is counted again there.</summary>
    private async Task<Outcome<IReadOnlyList<AttachmentView>>> AddAsync(Guid adder, EntryKind kind, Guid entryId,
        IReadOnlyList<(string BlobKey, string Name, string ContentType, long Length)> documents, CancellationToken ct)
    {
        var orders = await Of(kind, entryId).Select(a => a.Order).ToListAsync(ct);
        if (orders.Count + documents.Count > HwAttachment.MaxPerEntry)
        {
            return Outcome.Invalid<IReadOnlyList<AttachmentView>>(Field, "Error.TooMany");
        }

        var now = clock.GetUtcNow();
        var next = orders.Count == 0 ? 0 : orders.Max() + 1;
        var added = new List<HwAttachment>(documents.Count);
        foreach (var (key, name, type, length) in documents)
        {
            var attachment = new HwAttachment
            {
                Id = Guid.CreateVersion7(now),
                HomeworkId = kind == EntryKind.Homework ? entryId : null,
                SessionId = kind == EntryKind.Session ? entryId : null,
                BlobKey = key,
                Name = FileNames.Clean(name),
                ContentType = type.Length is > 0 and <= HwAttachment.ContentTypeMax ? type : FileSniffer.OctetStream,
                Length = length,
                AddedBy = adder,
                AddedAt = now,
                Order = next++,
            };
            db.Add(attachment);
            added.Add(attachment);
        }

        await db.SaveChangesAsync(ct);
        return added.Select(a => new AttachmentView(a.Id, entryId, a.Name, a.ContentType, a.Length)).ToList();
    }

    /// <summary>
    /// Deletes the rows one by one and gives back what each held, only when this call deleted it:
    /// two removals racing give the reference back once. Inside the caller's transaction.
    /// </summary>
    private async Task ReleaseAsync(IReadOnlyList<HwAttachment> attachments, CancellationToken ct)
    {
        foreach (var attachment in attachments)
        {
            if (await db.Set<HwAttachment>().Where(a => a.Id == attachment.Id).ExecuteDeleteAsync(ct) == 1)
            {
                await blobs.ReleaseAsync(attachment.BlobKey, ct);
                await quota.ReleaseAsync(attachment.AddedBy, attachment.Length, ct);
            }
        }
    }
}
