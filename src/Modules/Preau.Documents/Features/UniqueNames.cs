using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features;

/// <summary>
/// A name free in a folder: the name itself, or "Name (2).pdf", "Name (3).pdf"… when a document
/// (or, for folders, a folder) in place there already has it. The unique indexes settle a race:
/// <see cref="SaveAsync"/> picks again when two requests took the same name at once.
/// </summary>
public sealed class UniqueNames(PreauDbContext db)
{
    private const int Attempts = 8;

    public async Task<string> ForDocumentAsync(Guid ownerId, Guid folderId, string name, Guid? except, CancellationToken ct)
    {
        var stem = StemOf(name, hasExtension: true);
        var taken = await db.Set<DocDocument>().AsNoTracking()
            .Where(d => d.OwnerId == ownerId && d.FolderId == folderId && d.TrashedAt == null && d.Id != except && (d.Name == name || d.Name.StartsWith(stem + " (")))
            .Select(d => d.Name).ToListAsync(ct);
        return Pick(name, taken, hasExtension: true);
    }

    public async Task<string> ForFolderAsync(Guid ownerId, Guid parentId, string name, Guid? except, CancellationToken ct)
    {
        var taken = await db.Set<DocFolder>().AsNoTracking()
            .Where(f => f.OwnerId == ownerId && f.ParentId == parentId && f.TrashedAt == null && f.Id != except && (f.Name == name || f.Name.StartsWith(name + " (")))
            .Select(f => f.Name).ToListAsync(ct);
        return Pick(name, taken, hasExtension: false);
    }

    /// <summary>Saves a document (new or moved) under <paramref name="wanted"/> or the first free name after it in its folder.</summary>
    public Task SaveDocumentAsync(DocDocument document, string wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return SaveAsync(async c =>
        {
            document.Name = await ForDocumentAsync(document.OwnerId, document.FolderId, wanted, document.Id, c);
            document.SortName = DocumentNames.SortKey(document.Name);
        }, ct);
    }

    /// <summary>Saves a folder (new or moved) under <paramref name="wanted"/> or the first free name after it in its parent.</summary>
    public Task SaveFolderAsync(DocFolder folder, string wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return SaveAsync(async c =>
        {
            folder.Name = await ForFolderAsync(folder.OwnerId, folder.ParentId, wanted, folder.Id, c);
            folder.SortName = DocumentNames.SortKey(folder.Name);
        }, ct);
    }

    /// <summary>
    /// Names and saves: <paramref name="name"/> sets the free name it is given on the tracked rows;
    /// a unique-index conflict (another request took the name meanwhile) picks again.
    /// </summary>
    public async Task SaveAsync(Func<CancellationToken, Task> name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var attempt = 1; ; attempt++)
        {
            await name(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Inserted rows stay tracked as Added and go again with the new name.
            }
        }
    }

    private static string StemOf(string name, bool hasExtension)
    {
        var dot = hasExtension ? name.LastIndexOf('.') : -1;
        return dot > 0 ? name[..dot] : name;
    }

    private static string Pick(string name, List<string> taken, bool hasExtension)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = DocumentNames.Numbered(name, n, hasExtension);
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
