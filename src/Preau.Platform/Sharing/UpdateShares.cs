using System.Globalization;
using System.Text;
using Preau.Platform.Audit;
using Preau.Platform.Communication;
using Preau.Platform.Persistence;

namespace Preau.Platform.Sharing;

/// <summary>The rights wanted for one person or group; no rights takes the share away.</summary>
public sealed record ShareChange(PrincipalKind Kind, Guid Id, IReadOnlyList<string> Rights);

public enum ShareUpdateStatus
{
    Saved,

    /// <summary>The resource does not exist, or the actor may not change its shares: a 404.</summary>
    NotFound,

    /// <summary>Rights the type does not know: nothing written.</summary>
    UnknownRights,

    /// <summary>People or groups the actor may not reach: nothing written.</summary>
    Refused,
}

/// <summary>
/// What an update did, or why it did nothing: the people and groups outside the actor's visible
/// set it wanted to add or change (refused), the rights the type does not support, and how many
/// shares with people or groups the actor cannot see were kept as they were.
/// </summary>
public sealed record ShareUpdateResult(ShareUpdateStatus Status, IReadOnlyList<SharePrincipal> Refused, IReadOnlyList<string> UnknownRights,
    int Added, int Changed, int Removed, int KeptHidden);

/// <summary>
/// Changes the shares of a resource, for its owner or a holder of manage. Only people the actor
/// may reach and groups they may address can be added or given other rights; asking for anyone
/// else refuses the whole change, listing them. Shares with people the actor cannot see stay as
/// they were (they may be taken away). Recorded in the audit trail (share.update).
/// </summary>
public sealed class UpdateShares(PreauDbContext db, Shares shares, Reach reach, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "share.update";

    /// <summary>
    /// <paramref name="replace"/>: the list is the whole wanted state (the dialog's form, PUT):
    /// visible principals left out lose their share, hidden ones left out keep it. Otherwise only
    /// the listed principals change (add, add a list, remove one).
    /// </summary>
    public async Task<ShareUpdateResult> HandleAsync(Guid actorId, string type, Guid resourceId, IReadOnlyCollection<ShareChange> changes, bool replace, CancellationToken ct)
    {
        if (await shares.ManagedAsync(actorId, type, resourceId, ct) is not var (shareable, resource))
        {
            return Result(ShareUpdateStatus.NotFound);
        }

        var unknown = changes.SelectMany(c => c.Rights).Where(r => !shareable.ByKey.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Result(ShareUpdateStatus.UnknownRights, unknown: unknown);
        }

        // One wish per principal (a repeated one gets the union of its rights); the owner holds everything already.
        var wanted = changes.Where(c => c.Id != resource.OwnerId)
            .GroupBy(c => c.Id)
            .ToDictionary(g => g.Key, g => (g.First().Kind, Mask: shareable.MaskOf(g.SelectMany(c => c.Rights))!.Value));
        var existing = (await shares.OfAsync(type, resourceId, tracked: true, ct)).ToDictionary(s => s.PrincipalId);
        var verdict = await reach.CheckAsync(actorId,
            [.. wanted.Where(w => w.Value.Kind == PrincipalKind.User).Select(w => w.Key).Union(existing.Values.Where(s => s.PrincipalKind == PrincipalKind.User).Select(s => s.PrincipalId))],
            [.. wanted.Where(w => w.Value.Kind == PrincipalKind.Group).Select(w => w.Key).Union(existing.Values.Where(s => s.PrincipalKind == PrincipalKind.Group).Select(s => s.PrincipalId))],
            ct);
        // The actor does not "reach" themselves, but may lower or drop their own share.
        var visible = verdict.AllowedUsers.Concat(verdict.AllowedGroups).Append(actorId).ToHashSet();

        // Adding someone, or changing their rights, needs them in the actor's visible set.
        var refused = wanted
            .Where(w => w.Value.Mask != 0 && !visible.Contains(w.Key)
                && !(existing.TryGetValue(w.Key, out var share) && share.Rights == w.Value.Mask && share.PrincipalKind == w.Value.Kind))
            .Select(w => new SharePrincipal(w.Value.Kind, w.Key))
            .ToList();
        if (refused.Count > 0)
        {
            return Result(ShareUpdateStatus.Refused, refused: refused);
        }

        var now = clock.GetUtcNow();
        var log = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{type} {resourceId} «{resource.Title}»:");
        int added = 0, changed = 0, removed = 0;
        foreach (var (id, (kind, mask)) in wanted)
        {
            if (existing.TryGetValue(id, out var share))
            {
                if (mask == 0)
                {
                    db.Remove(share);
                    removed++;
                    log.Append(CultureInfo.InvariantCulture, $" −{kind} {id}");
                }
                else if (share.Rights != mask)
                {
                    share.Rights = mask;
                    changed++;
                    log.Append(CultureInfo.InvariantCulture, $" ~{kind} {id} ({string.Join(',', shareable.KeysOf(mask))})");
                }
            }
            else if (mask != 0)
            {
                db.Add(new Share
                {
                    ResourceType = type, ResourceId = resourceId, PrincipalKind = kind, PrincipalId = id,
                    Rights = mask, CreatedAt = now, CreatedBy = actorId,
                });
                added++;
                log.Append(CultureInfo.InvariantCulture, $" +{kind} {id} ({string.Join(',', shareable.KeysOf(mask))})");
            }
        }

        var keptHidden = 0;
        foreach (var share in existing.Values.Where(s => !wanted.ContainsKey(s.PrincipalId)))
        {
            if (replace && visible.Contains(share.PrincipalId))
            {
                db.Remove(share);
                removed++;
                log.Append(CultureInfo.InvariantCulture, $" −{share.PrincipalKind} {share.PrincipalId}");
            }
            else if (!visible.Contains(share.PrincipalId))
            {
                keptHidden++;
            }
        }

        if (added + changed + removed > 0)
        {
            audit.Record(AuditAction, null, null, null, log.ToString());
            await db.SaveChangesAsync(ct);
        }

        return new ShareUpdateResult(ShareUpdateStatus.Saved, [], [], added, changed, removed, keptHidden);
    }

    /// <summary>Shares with these people and groups, to read, leaving alone those who already have a share.</summary>
    public async Task<ShareUpdateResult> AddReadersAsync(Guid actorId, string type, Guid resourceId, IEnumerable<SharePrincipal> principals, CancellationToken ct)
    {
        var existing = (await shares.OfAsync(type, resourceId, tracked: false, ct)).Select(s => s.PrincipalId).ToHashSet();
        var changes = principals.Where(p => !existing.Contains(p.Id)).Select(p => new ShareChange(p.Kind, p.Id, [ShareRight.Read.Key])).ToList();
        return await HandleAsync(actorId, type, resourceId, changes, replace: false, ct);
    }

    /// <summary>Takes away the share of one person or group, seen by the actor or not.</summary>
    public Task<ShareUpdateResult> RemoveAsync(Guid actorId, string type, Guid resourceId, SharePrincipal principal, CancellationToken ct) =>
        HandleAsync(actorId, type, resourceId, [new ShareChange(principal.Kind, principal.Id, [])], replace: false, ct);

    private static ShareUpdateResult Result(ShareUpdateStatus status, IReadOnlyList<SharePrincipal>? refused = null, IReadOnlyList<string>? unknown = null) =>
        new(status, refused ?? [], unknown ?? [], 0, 0, 0, 0);
}
