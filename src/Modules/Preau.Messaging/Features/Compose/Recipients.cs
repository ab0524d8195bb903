using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Domain;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Resources;

namespace Preau.Messaging.Features.Compose;

/// <summary>A recipient as a page or the API names it: a person's id, or a group's.</summary>
public sealed record RecipientRef(Guid Id, bool IsGroup);

/// <summary>A named recipient of a message, as shown to its readers.</summary>
public sealed record Addressee(Guid Id, bool IsGroup, string Name, AddressField Field);

/// <summary>
/// Checks recipients against the communication rules and names them, and expands groups to
/// their members. Every save and every send goes through here: an id the sender may not reach,
/// forged or no longer reachable, never becomes an address.
/// </summary>
public sealed class Recipients(PreauDbContext db, Reach reach, IStringLocalizer<GroupStrings> groupStrings)
{
    public sealed record Checked(IReadOnlyList<Addressee> Allowed, IReadOnlyList<RecipientRef> Refused);

    /// <summary>Sorts the addresses into those the sender may reach now (with their names) and the others.</summary>
    public async Task<Checked> CheckAsync(Guid senderId, IReadOnlyList<(RecipientRef Ref, AddressField Field)> wanted, CancellationToken ct)
    {
        // One field per recipient: a person named in To and in Cc stays in To, the first field named.
        var distinct = wanted.DistinctBy(w => w.Ref).ToList();
        var verdict = await reach.CheckAsync(senderId,
            [.. distinct.Where(w => !w.Ref.IsGroup).Select(w => w.Ref.Id)],
            [.. distinct.Where(w => w.Ref.IsGroup).Select(w => w.Ref.Id)], ct);
        var userIds = verdict.AllowedUsers.ToList();
        var groupIds = verdict.AllowedGroups.ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName }).ToDictionaryAsync(u => u.Id, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new
            {
                g.Id, g.Name, g.Kind, g.Profile,
                Structure = db.Structures.Where(s => s.Id == g.StructureId).Select(s => s.Name).First(),
                Class = db.Classes.Where(c => c.Id == g.ClassId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(g => g.Id, ct);

        var allowed = new List<Addressee>();
        var refused = new List<RecipientRef>();
        foreach (var (r, field) in distinct)
        {
            if (!r.IsGroup && people.TryGetValue(r.Id, out var p))
            {
                allowed.Add(new Addressee(r.Id, false, $"{p.FirstName} {p.LastName}", field));
            }
            else if (r.IsGroup && groups.TryGetValue(r.Id, out var g))
            {
                allowed.Add(new Addressee(r.Id, true, GroupLabels.Of(groupStrings, g.Kind, g.Profile, g.Name, g.Structure, g.Class), field));
            }
            else
            {
                refused.Add(r);
            }
        }

        return new Checked(allowed, refused);
    }

    /// <summary>Whether the sender may still reach every address of a message (at send time: no names needed).</summary>
    public async Task<bool> AllReachableAsync(Guid senderId, IReadOnlyList<MessageAddress> addresses, CancellationToken ct)
    {
        var verdict = await reach.CheckAsync(senderId,
            [.. addresses.Where(a => !a.IsGroup).Select(a => a.TargetId)],
            [.. addresses.Where(a => a.IsGroup).Select(a => a.TargetId)], ct);
        return verdict.AllAllowed;
    }

    /// <summary>
    /// The people a message reaches: those named, and the members of the groups named as they are
    /// now (not when the draft was written), except the sender, blocked and detached accounts.
    /// People named only in Cci are flagged hidden.
    /// </summary>
    public async Task<IReadOnlyList<(Guid UserId, bool Hidden)>> ExpandAsync(Guid senderId, IReadOnlyList<MessageAddress> addresses, CancellationToken ct)
    {
        var visible = new Dictionary<Guid, bool>();
        void Add(Guid id, bool hidden) => visible[id] = visible.TryGetValue(id, out var was) ? was && hidden : hidden;

        foreach (var a in addresses.Where(a => !a.IsGroup))
        {
            Add(a.TargetId, a.Field == AddressField.Bcc);
        }

        foreach (var field in new[] { AddressField.To, AddressField.Cc, AddressField.Bcc })
        {
            var groupIds = addresses.Where(a => a.IsGroup && a.Field == field).Select(a => a.TargetId).ToList();
            if (groupIds.Count == 0)
            {
                continue;
            }

            var members = await db.GroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId)).Select(m => m.UserId).Distinct().ToListAsync(ct);
            foreach (var id in members)
            {
                Add(id, field == AddressField.Bcc);
            }
        }

        visible.Remove(senderId);
        var ids = visible.Keys.ToList();
        var active = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var list = chunk.ToList();
            active.UnionWith(await db.Users.AsNoTracking()
                .Where(u => list.Contains(u.Id) && u.State != AccountState.Blocked && u.DetachedAt == null)
                .Select(u => u.Id).ToListAsync(ct));
        }

        return [.. visible.Where(v => active.Contains(v.Key)).Select(v => (v.Key, v.Value))];
    }
}
