using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Persistence;

namespace Preau.Platform.Sharing;

/// <summary>A saved list as its owner sees it: its members still visible to them, and how many are not any more.</summary>
public sealed record BookmarkView(Guid Id, string Name, IReadOnlyList<PrincipalCard> Members, int Hidden);

public enum BookmarkStatus
{
    Saved,
    NotFound,

    /// <summary>No name, one too long, or too many members.</summary>
    Invalid,

    /// <summary>People or groups the owner may not reach.</summary>
    Refused,
}

public sealed record BookmarkResult(BookmarkStatus Status, Guid? Id = null, IReadOnlyList<SharePrincipal>? Refused = null);

/// <summary>
/// Saved recipient lists ("favoris de partage"): a person keeps the people and groups they often
/// share with, under a name. Only people and groups they may reach go in; using a list later
/// leaves out those they no longer may.
/// </summary>
public sealed class ShareBookmarks(PreauDbContext db, Reach reach, SharePrincipals principals, TimeProvider clock)
{
    public const int MaxName = 100;
    public const int MaxMembers = 500;

    public async Task<IReadOnlyList<BookmarkView>> ListAsync(Guid ownerId, CancellationToken ct)
    {
        var bookmarks = await db.Set<ShareBookmark>().AsNoTracking().Where(b => b.OwnerId == ownerId).OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        var ids = bookmarks.Select(b => b.Id).ToList();
        var members = (await db.Set<ShareBookmarkMember>().AsNoTracking().Where(m => ids.Contains(m.BookmarkId)).ToListAsync(ct)).ToLookup(m => m.BookmarkId);
        var cards = await principals.DescribeAsync(ownerId, [.. members.SelectMany(g => g).Select(m => new SharePrincipal(m.PrincipalKind, m.PrincipalId))], ct);
        return [.. bookmarks.Select(b => View(b, members[b.Id], cards))];
    }

    public async Task<BookmarkView?> GetAsync(Guid ownerId, Guid id, CancellationToken ct) =>
        (await ListAsync(ownerId, ct)).FirstOrDefault(b => b.Id == id);

    /// <summary>The members of a list the owner may still reach, to share with in one go.</summary>
    public async Task<IReadOnlyList<SharePrincipal>?> UseAsync(Guid ownerId, Guid id, CancellationToken ct) =>
        (await GetAsync(ownerId, id, ct))?.Members.Select(m => new SharePrincipal(m.Kind, m.Id)).ToList();

    public async Task<BookmarkResult> CreateAsync(Guid ownerId, string? name, IReadOnlyCollection<SharePrincipal> members, CancellationToken ct)
    {
        if (await CheckAsync(ownerId, name, members, ct) is { } problem)
        {
            return problem;
        }

        var bookmark = new ShareBookmark { Id = Guid.CreateVersion7(clock.GetUtcNow()), OwnerId = ownerId, Name = name!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(bookmark);
        AddMembers(bookmark.Id, members);
        await db.SaveChangesAsync(ct);
        return new BookmarkResult(BookmarkStatus.Saved, bookmark.Id);
    }

    /// <summary>Renames a list and, when <paramref name="members"/> is given, replaces its members.</summary>
    public async Task<BookmarkResult> UpdateAsync(Guid ownerId, Guid id, string? name, IReadOnlyCollection<SharePrincipal>? members, CancellationToken ct)
    {
        var bookmark = await db.Set<ShareBookmark>().FirstOrDefaultAsync(b => b.Id == id && b.OwnerId == ownerId, ct);
        if (bookmark is null)
        {
            return new BookmarkResult(BookmarkStatus.NotFound);
        }

        if (await CheckAsync(ownerId, name, members ?? [], ct) is { } problem)
        {
            return problem;
        }

        bookmark.Name = name!.Trim();
        if (members is not null)
        {
            await db.Set<ShareBookmarkMember>().Where(m => m.BookmarkId == id).ExecuteDeleteAsync(ct);
            AddMembers(id, members);
        }

        await db.SaveChangesAsync(ct);
        return new BookmarkResult(BookmarkStatus.Saved, id);
    }

    public async Task<bool> DeleteAsync(Guid ownerId, Guid id, CancellationToken ct) =>
        await db.Set<ShareBookmark>().Where(b => b.Id == id && b.OwnerId == ownerId).ExecuteDeleteAsync(ct) > 0;

    private async Task<BookmarkResult?> CheckAsync(Guid ownerId, string? name, IReadOnlyCollection<SharePrincipal> members, CancellationToken ct)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxName || members.Count > MaxMembers)
        {
            return new BookmarkResult(BookmarkStatus.Invalid);
        }

        var verdict = await reach.CheckAsync(ownerId,
            [.. members.Where(m => m.Kind == PrincipalKind.User).Select(m => m.Id)], [.. members.Where(m => m.Kind == PrincipalKind.Group).Select(m => m.Id)], ct);
        return verdict.AllAllowed ? null : new BookmarkResult(BookmarkStatus.Refused, Refused:
            [.. verdict.RefusedUsers.Select(id => new SharePrincipal(PrincipalKind.User, id)), .. verdict.RefusedGroups.Select(id => new SharePrincipal(PrincipalKind.Group, id))]);
    }

    private void AddMembers(Guid bookmarkId, IEnumerable<SharePrincipal> members)
    {
        foreach (var m in members.DistinctBy(m => m.Id))
        {
            db.Add(new ShareBookmarkMember { BookmarkId = bookmarkId, PrincipalKind = m.Kind, PrincipalId = m.Id });
        }
    }

    private static BookmarkView View(ShareBookmark bookmark, IEnumerable<ShareBookmarkMember> members, IReadOnlyDictionary<Guid, PrincipalCard> cards)
    {
        var all = members.Select(m => cards.TryGetValue(m.PrincipalId, out var card) ? card : null).ToList();
        var visible = all.Where(c => c is { Visible: true } && c.Name is not null).Select(c => c!)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new BookmarkView(bookmark.Id, bookmark.Name, visible, all.Count - visible.Count);
    }
}
