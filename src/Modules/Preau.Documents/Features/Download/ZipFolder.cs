using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Download;

/// <summary>
/// A folder one may read (with everything in place under it) as a ZIP archive, written straight
/// to the response: each document's current version is streamed from the store into its entry,
/// one after the other, with no temporary file and no archive in memory. Entry names are made
/// safe for every system (no folder escape, no reserved character or device name) and unique
/// within the archive. Archives people uploaded are entries like any other: never opened.
/// </summary>
public sealed class ZipFolder(PreauDbContext db, DocumentAccess access, IBlobStore store)
{
    /// <summary>What goes into the archive: folders (ending in "/") and files with their content's key.</summary>
    public sealed record Entry(string Path, string? BlobKey, DateTimeOffset UpdatedAt);

    public sealed record Plan(string FileName, IReadOnlyList<Entry> Entries);

    /// <summary>The archive's plan; null when the folder is not one the person may read.</summary>
    public async Task<Plan?> PlanAsync(UserContext me, Guid folderId, string rootName, CancellationToken ct)
    {
        if (await access.FolderAsync(me, folderId, DocumentRight.Read, ct) is not { } found)
        {
            return null;
        }

        var (folder, tree) = found;
        var folderIds = tree.Subtree(folderId).Where(tree.IsInPlace).ToList();
        if (folderId != DocFolder.Root)
        {
            folderIds.Remove(folderId);
        }

        var documents = await db.Set<DocDocument>().AsNoTracking()
            .Where(d => d.OwnerId == folder.OwnerId && d.TrashedAt == null && (d.FolderId == folderId || folderIds.Contains(d.FolderId)))
            .Join(db.Set<DocVersion>(), d => d.CurrentVersionId, v => v.Id, (d, v) => new { d.FolderId, d.Name, v.BlobKey, d.UpdatedAt })
            .ToListAsync(ct);

        // Paths are made folder by folder, so that each level's names are unique among their siblings.
        var paths = new Dictionary<Guid, string> { [folderId] = "" };
        var names = new ZipNames();
        var entries = new List<Entry>();
        var children = tree.All.Where(n => folderIds.Contains(n.Id)).ToLookup(n => n.ParentId);
        var files = documents.ToLookup(d => d.FolderId);
        var queue = new Queue<Guid>([folderId]);
        while (queue.TryDequeue(out var current))
        {
            var prefix = paths[current];
            foreach (var sub in children[current].OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                var path = names.Unique(prefix, sub.Name) + "/";
                paths[sub.Id] = path;
                entries.Add(new Entry(path, null, default));
                queue.Enqueue(sub.Id);
            }

            foreach (var file in files[current].OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                entries.Add(new Entry(names.Unique(prefix, file.Name), file.BlobKey, file.UpdatedAt));
            }
        }

        var archiveName = (folderId == DocFolder.Root ? rootName : folder.Name) + ".zip";
        return new Plan(archiveName, entries);
    }

    /// <summary>Writes the archive to <paramref name="output"/>, one entry at a time.</summary>
    public async Task WriteAsync(Plan plan, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var buffered = new AsyncOnlyOutput(output);
        await using (var archive = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct))
        {
            await WriteEntriesAsync(archive, plan, ct);
        }

        await buffered.FlushAsync(ct);
    }

    private async Task WriteEntriesAsync(ZipArchive archive, Plan plan, CancellationToken ct)
    {
        foreach (var item in plan.Entries)
        {
            if (item.BlobKey is null)
            {
                archive.CreateEntry(item.Path);
                continue;
            }

            await using var content = await store.OpenReadAsync(item.BlobKey, ct);
            if (content is null)
            {
                continue;
            }

            var entry = archive.CreateEntry(item.Path, CompressionLevel.Fastest);
            entry.LastWriteTime = item.UpdatedAt;
            await using var target = await entry.OpenAsync(ct);
            await content.CopyToAsync(target, ct);
        }
    }

    /// <summary>Entry names safe to unpack anywhere (the platform's <see cref="FileNames"/>), each unique (case aside) within its folder of the archive.</summary>
    private sealed class ZipNames
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public string Unique(string prefix, string name)
        {
            var safe = FileNames.Clean(name);
            var candidate = prefix + safe;
            for (var n = 2; !_used.Add(candidate); n++)
            {
                candidate = prefix + DocumentNames.Numbered(safe, n, hasExtension: true);
            }

            return candidate;
        }
    }
}
