using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Mailbox;

public sealed record FolderNode(Guid Id, Guid? ParentId, string Name, int Depth, int Unread);

/// <summary>
/// A person's own folders: nested up to three levels, fifty per level, renamed, deleted (their
/// messages go to the trash, never lost at once).
/// </summary>
public sealed class ManageFolders(PreauDbContext db, TimeProvider clock)
{
    /// <summary>The folders as a tree in reading order (each followed by its children), with their unread counts.</summary>
    public async Task<IReadOnlyList<FolderNode>> ListAsync(Guid userId, IReadOnlyDictionary<Guid, FolderCount> counts, CancellationToken ct)
    {
        var folders = await db.Set<MailFolder>().AsNoTracking().Where(f => f.UserId == userId).ToListAsync(ct);
        var children = folders.ToLookup(f => f.ParentId);
        var ordered = new List<FolderNode>();
        void Walk(Guid? parent)
        {
            foreach (var f in children[parent].OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                ordered.Add(new FolderNode(f.Id, f.ParentId, f.Name, f.Depth, counts.TryGetValue(f.Id, out var c) ? c.Unread : 0));
                Walk(f.Id);
            }
        }

        Walk(null);
        return ordered;
    }

    public async Task<Outcome<Guid>> CreateAsync(UserContext me, string? name, Guid? parentId, CancellationToken ct)
    {
        var depth = 1;
        if (parentId is { } parent)
        {
            var p = await db.Set<MailFolder>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == parent && f.UserId == me.Id, ct);
            if (p is null)
            {
                return Outcome.NotFound<Guid>();
            }

            depth = p.Depth + 1;
            if (depth > MailFolder.MaxDepth)
            {
                return Outcome.Invalid<Guid>("ParentId", "Error.FolderTooDeep");
            }
        }

        var clean = await CheckNameAsync(me.Id, name, parentId, null, ct);
        if (clean.Error is not null)
        {
            return Outcome.Invalid<Guid>("Name", clean.Error);
        }

        if (await db.Set<MailFolder>().CountAsync(f => f.UserId == me.Id && f.ParentId == parentId, ct) >= MailFolder.MaxPerLevel)
        {
            return Outcome.Invalid<Guid>("Name", "Error.TooManyFolders");
        }

        var folder = new MailFolder { Id = Guid.CreateVersion7(), UserId = me.Id, ParentId = parentId, Name = clean.Name, Depth = depth, CreatedAt = clock.GetUtcNow() };
        db.Add(folder);
        await db.SaveChangesAsync(ct);
        return folder.Id;
    }

    public async Task<Outcome<Done>> RenameAsync(UserContext me, Guid folderId, string? name, CancellationToken ct)
    {
        var folder = await db.Set<MailFolder>().FirstOrDefaultAsync(f => f.Id == folderId && f.UserId == me.Id, ct);
        if (folder is null)
        {
            return Outcome.NotFound<Done>();
        }

        var clean = await CheckNameAsync(me.Id, name, folder.ParentId, folder.Id, ct);
        if (clean.Error is not null)
        {
            return Outcome.Invalid<Done>("Name", clean.Error);
        }

        folder.Name = clean.Name;
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    /// <summary>Deletes a folder and those under it; their messages go to the trash, restorable to the inbox or Sent.</summary>
    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid folderId, CancellationToken ct)
    {
        var all = await db.Set<MailFolder>().Where(f => f.UserId == me.Id).Select(f => new { f.Id, f.ParentId }).ToListAsync(ct);
        if (!all.Any(f => f.Id == folderId))
        {
            return Outcome.NotFound<Done>();
        }

        var doomed = new List<Guid> { folderId };
        for (var i = 0; i < doomed.Count; i++)
        {
            doomed.AddRange(all.Where(f => f.ParentId == doomed[i]).Select(f => f.Id));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && doomed.Contains(e.FolderId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Trash).SetProperty(e => e.TrashedFrom, (Guid?)null), ct);
        await db.Set<MailFolder>().Where(f => f.UserId == me.Id && doomed.Contains(f.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return new Done();
    }

    private async Task<(string Name, string? Error)> CheckNameAsync(Guid userId, string? name, Guid? parentId, Guid? self, CancellationToken ct)
    {
        var clean = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            return (clean, "Error.FolderNameMissing");
        }

        if (clean.Length > MailFolder.NameMaxLength || clean.Any(char.IsControl))
        {
            return (clean, "Error.FolderNameTooLong");
        }

        var siblings = await db.Set<MailFolder>().Where(f => f.UserId == userId && f.ParentId == parentId && f.Id != self).Select(f => f.Name).ToListAsync(ct);
        return siblings.Any(s => string.Equals(s, clean, StringComparison.OrdinalIgnoreCase)) ? (clean, "Error.FolderNameTaken") : (clean, null);
    }
}
