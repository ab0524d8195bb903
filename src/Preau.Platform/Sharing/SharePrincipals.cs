using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Resources;

namespace Preau.Platform.Sharing;

/// <summary>A person or a group one may share with.</summary>
public sealed record SharePrincipal(PrincipalKind Kind, Guid Id);

/// <summary>
/// A person or group as the share dialog shows them: a name and a detail ("Élève · CE2 A",
/// "24 personnes"), or neither when the viewer may not see them. A person has a profile, a
/// group a head count (and its school's name when it is a school-wide group).
/// </summary>
public sealed record PrincipalCard(PrincipalKind Kind, Guid Id, bool Visible, string? Name, Profile? Profile, string? Detail, int? Members);

/// <summary>Names people and groups for someone: those outside their visible set stay nameless.</summary>
public sealed class SharePrincipals(PreauDbContext db, Reach reach, IStringLocalizer<GroupStrings> groupStrings)
{
    public async Task<IReadOnlyDictionary<Guid, PrincipalCard>> DescribeAsync(Guid viewerId, IReadOnlyCollection<SharePrincipal> principals, CancellationToken ct)
    {
        var users = principals.Where(p => p.Kind == PrincipalKind.User).Select(p => p.Id).Distinct().ToList();
        var groups = principals.Where(p => p.Kind == PrincipalKind.Group).Select(p => p.Id).Distinct().ToList();
        var verdict = await reach.CheckAsync(viewerId, users, groups, ct);
        var cards = new Dictionary<Guid, PrincipalCard>();
        foreach (var id in verdict.RefusedUsers.Where(id => id != viewerId))
        {
            cards[id] = new PrincipalCard(PrincipalKind.User, id, false, null, null, null, null);
        }

        foreach (var id in verdict.RefusedGroups)
        {
            cards[id] = new PrincipalCard(PrincipalKind.Group, id, false, null, null, null, null);
        }

        // The viewer sees themselves (a manager's own share), though they do not "reach" themselves.
        var named = verdict.AllowedUsers.Concat(users.Where(id => id == viewerId)).ToList();
        if (named.Count > 0)
        {
            var people = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.Profile }).ToListAsync(ct);
            foreach (var p in people)
            {
                cards[p.Id] = new PrincipalCard(PrincipalKind.User, p.Id, true, p.DisplayName, p.Profile, null, null);
            }
        }

        var allowedGroups = verdict.AllowedGroups.ToList();
        if (allowedGroups.Count > 0)
        {
            var rows = await db.Groups.AsNoTracking().Where(g => allowedGroups.Contains(g.Id))
                .Select(g => new
                {
                    g.Id, g.Name, g.Kind, g.Profile,
                    Structure = db.Structures.Where(s => s.Id == g.StructureId).Select(s => s.Name).First(),
                    Class = db.Classes.Where(c => c.Id == g.ClassId).Select(c => c.Name).FirstOrDefault(),
                    Members = db.GroupMembers.Count(m => m.GroupId == g.Id),
                })
                .ToListAsync(ct);
            foreach (var g in rows)
            {
                cards[g.Id] = new PrincipalCard(PrincipalKind.Group, g.Id, true, GroupLabels.Of(groupStrings, g.Kind, g.Profile, g.Name, g.Structure, g.Class), g.Profile,
                    g.Class is null ? g.Structure : null, g.Members);
            }
        }

        return cards;
    }
}
