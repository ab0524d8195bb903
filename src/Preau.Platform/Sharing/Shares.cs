using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Communication;
using Preau.Platform.Persistence;

namespace Preau.Platform.Sharing;

/// <summary>
/// Who holds which right on a shared resource. A person holds a right when they own the resource
/// or when a share gives it to them or to one of their groups. Their groups come from
/// <see cref="Reach"/>'s memory (forgotten whenever memberships change), so a warm check is one
/// query on the shares' primary key; shares themselves are never cached: a removed share ends
/// access on the next request.
/// </summary>
public sealed class Shares(PreauDbContext db, Reach reach, ShareableTypes types, IServiceProvider services)
{
    /// <summary>
    /// Whether <paramref name="userId"/> holds <paramref name="right"/> on a resource. Pass the
    /// owner when the caller knows it (a module that just loaded the resource); otherwise the
    /// type's resolver is asked.
    /// </summary>
    public async Task<bool> HasRightAsync(Guid userId, string type, Guid resourceId, string right, Guid? ownerId = null, CancellationToken ct = default)
    {
        var shareable = Type(type);
        var bit = shareable.BitOf(right) ?? throw new ArgumentException($"The shareable type {type} has no right {right}.", nameof(right));
        ownerId ??= (await ResolveAsync(shareable, resourceId, ct))?.OwnerId;
        if (ownerId is null)
        {
            return false;
        }

        if (ownerId == userId)
        {
            return true;
        }

        var principals = await PrincipalsOfAsync(userId, ct);
        return principals.Count > 0 && await db.Set<Share>().AsNoTracking().AnyAsync(s =>
            s.ResourceType == type && s.ResourceId == resourceId && principals.Contains(s.PrincipalId) && (s.Rights & bit) != 0, ct);
    }

    /// <summary>
    /// Every right <paramref name="userId"/> holds on one resource, in one query: all of the type's
    /// when they own it, else those their shares and their groups' give together (empty: none).
    /// For a page that shows or hides several actions on the same resource.
    /// </summary>
    public async Task<IReadOnlySet<string>> RightsOnAsync(Guid userId, string type, Guid resourceId, Guid ownerId, CancellationToken ct = default)
    {
        var shareable = Type(type);
        if (ownerId == userId)
        {
            return shareable.ByKey.Keys.ToHashSet(StringComparer.Ordinal);
        }

        var principals = await PrincipalsOfAsync(userId, ct);
        if (principals.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var masks = await db.Set<Share>().AsNoTracking()
            .Where(s => s.ResourceType == type && s.ResourceId == resourceId && principals.Contains(s.PrincipalId))
            .Select(s => s.Rights).ToListAsync(ct);
        return shareable.KeysOf(masks.Aggregate(0, (all, mask) => all | mask)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Who holds <paramref name="right"/> on a resource through its shares: the people and the
    /// groups (the owner, who holds everything, is not among them). A module's audience for a
    /// notice ("the publishers of this blog", "the readers of this thread"); implied rights are
    /// stored with each share, so one bit answers.
    /// </summary>
    public async Task<(IReadOnlyList<Guid> Users, IReadOnlyList<Guid> Groups)> HoldersAsync(string type, Guid resourceId, string right, CancellationToken ct = default)
    {
        var bit = Type(type).BitOf(right) ?? throw new ArgumentException($"The shareable type {type} has no right {right}.", nameof(right));
        var holders = await db.Set<Share>().AsNoTracking()
            .Where(s => s.ResourceType == type && s.ResourceId == resourceId && (s.Rights & bit) != 0)
            .Select(s => new { s.PrincipalKind, s.PrincipalId }).ToListAsync(ct);
        return ([.. holders.Where(h => h.PrincipalKind == PrincipalKind.User).Select(h => h.PrincipalId)],
            [.. holders.Where(h => h.PrincipalKind == PrincipalKind.Group).Select(h => h.PrincipalId)]);
    }

    /// <summary>
    /// The ids of the resources of a type on which a person holds a right through a share, as a
    /// query a module joins to its list (with the resources the person owns).
    /// </summary>
    public async Task<IQueryable<Guid>> SharedWithAsync(Guid userId, string type, string right = "read", CancellationToken ct = default)
    {
        var bit = Type(type).BitOf(right) ?? throw new ArgumentException($"The shareable type {type} has no right {right}.", nameof(right));
        var principals = await PrincipalsOfAsync(userId, ct);
        return db.Set<Share>().AsNoTracking()
            .Where(s => s.ResourceType == type && principals.Contains(s.PrincipalId) && (s.Rights & bit) != 0)
            .Select(s => s.ResourceId).Distinct();
    }

    /// <summary>
    /// What others shared with a person of a type: each resource with the rights held on it (through
    /// the person or their groups, together), in the type's order. Resources the person owns may be
    /// among them (a share to a group they belong to): the module keeps to others' resources.
    /// </summary>
    public async Task<IReadOnlyList<HeldShare>> HeldAsync(Guid userId, string type, CancellationToken ct = default)
    {
        var shareable = Type(type);
        var principals = await PrincipalsOfAsync(userId, ct);
        var rows = await db.Set<Share>().AsNoTracking()
            .Where(s => s.ResourceType == type && principals.Contains(s.PrincipalId) && s.Rights != 0)
            .Select(s => new { s.ResourceId, s.Rights, s.CreatedAt }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.ResourceId)
            .Select(g => new HeldShare(g.Key, shareable.KeysOf(g.Aggregate(0, (mask, r) => mask | r.Rights)), g.Min(r => r.CreatedAt)))
            .OrderByDescending(h => h.SharedAt).ThenBy(h => h.ResourceId)];
    }

    /// <summary>The resource as its module describes it; null when the type is unknown or the resource gone.</summary>
    public async Task<(ShareableType Type, ShareableResource Resource)?> FindAsync(string type, Guid resourceId, CancellationToken ct)
    {
        var shareable = types.Find(type);
        var resource = shareable is null ? null : await ResolveAsync(shareable, resourceId, ct);
        return resource is null ? null : (shareable!, resource);
    }

    /// <summary>
    /// The resource when <paramref name="userId"/> may change its shares (its owner or a holder of
    /// manage); null otherwise, as if it did not exist.
    /// </summary>
    public async Task<(ShareableType Type, ShareableResource Resource)?> ManagedAsync(Guid userId, string type, Guid resourceId, CancellationToken ct)
    {
        var found = await FindAsync(type, resourceId, ct);
        return found is { } f && await HasRightAsync(userId, type, resourceId, ShareRight.Manage.Key, f.Resource.OwnerId, ct) ? f : null;
    }

    /// <summary>The shares of a resource, by principal.</summary>
    public async Task<List<Share>> OfAsync(string type, Guid resourceId, bool tracked, CancellationToken ct)
    {
        var query = db.Set<Share>().Where(s => s.ResourceType == type && s.ResourceId == resourceId);
        return await (tracked ? query : query.AsNoTracking()).OrderBy(s => s.CreatedAt).ThenBy(s => s.PrincipalId).ToListAsync(ct);
    }

    private ShareableType Type(string type) =>
        types.Find(type) ?? throw new ArgumentException($"No module declared the shareable type {type}.", nameof(type));

    private async Task<List<Guid>> PrincipalsOfAsync(Guid userId, CancellationToken ct)
    {
        var membership = (await reach.MembershipsAsync([userId], ct))[userId];
        return membership.Visible ? [userId, .. membership.GroupIds] : [];
    }

    private Task<ShareableResource?> ResolveAsync(ShareableType type, Guid resourceId, CancellationToken ct) =>
        ((IShareResolver)services.GetRequiredService(type.Resolver)).FindAsync(resourceId, ct);
}

/// <summary>A resource shared with a person: the rights they hold on it (keys, in the type's order) and since when.</summary>
public sealed record HeldShare(Guid ResourceId, IReadOnlyList<string> Rights, DateTimeOffset SharedAt)
{
    /// <summary>The strongest of the well-known rights held: manage, contrib, else read.</summary>
    public string Strongest => Rights.Contains(ShareRight.Manage.Key) ? ShareRight.Manage.Key : Rights.Contains(ShareRight.Contrib.Key) ? ShareRight.Contrib.Key : ShareRight.Read.Key;
}
