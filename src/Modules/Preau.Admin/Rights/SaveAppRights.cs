using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Platform.Audit;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;

namespace Preau.Admin.Rights;

/// <summary>
/// Changes who holds some actions in a school, or puts every action back to its defaults. Only
/// the departures from the defaults are stored; the listed actions are replaced as a whole, the
/// others are left as they are. Audited (app-rights.update, app-rights.reset) when something
/// changed; the rights apply at once (the save forgets every cached right).
/// </summary>
public sealed class SaveAppRights(PreauDbContext db, AppRights rights, AppRightsCatalog catalog, AuditLog audit, TimeProvider clock)
{
    /// <summary>The holders wanted for one action: profiles of the school's members, and groups of the school.</summary>
    public sealed record ActionRequest(string? Action, IReadOnlyList<Profile>? Profiles, IReadOnlyList<Guid>? Groups);

    public sealed record Request(IReadOnlyList<ActionRequest>? Actions);

    public async Task<Outcome<Done>> SaveAsync(UserContext me, Guid structureId, Request request, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId) || await rights.OfStructureAsync(structureId, ct) is not { } current)
        {
            return Outcome.NotFound<Done>();
        }

        var problems = new Problems();
        var actions = request.Actions ?? [];
        if (actions.Count == 0)
        {
            problems.Add("Actions", "Error.RightsEmpty");
        }

        if (actions.Any(a => a.Action is null || !catalog.IsDeclared(a.Action)) || actions.Select(a => a.Action).Distinct(StringComparer.Ordinal).Count() != actions.Count)
        {
            problems.Add("Actions", "Error.RightsAction");
        }

        if (actions.SelectMany(a => a.Profiles ?? []).Any(p => !Enum.IsDefined(p)))
        {
            problems.Add("Profiles", "Error.Profile");
        }

        var groupIds = actions.SelectMany(a => a.Groups ?? []).Distinct().ToList();
        var schoolGroups = (await ViewAppRights.GroupsAsync(db, structureId, ct)).Select(g => g.Id).ToHashSet();
        if (groupIds.Any(g => !schoolGroups.Contains(g)))
        {
            problems.Add("Groups", "Error.RightsGroup");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<Done>(problems.ToDictionary());
        }

        var changed = new List<string>();
        var ids = actions.Select(a => a.Action!).ToList();
        var rows = await db.Set<AppRight>().Where(r => r.StructureId == structureId && ids.Contains(r.Action)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var wanted in actions)
        {
            var action = catalog.AppOf(wanted.Action!)!.Actions.First(a => a.Id == wanted.Action);
            var holders = new ActionHolders([.. wanted.Profiles ?? []], [.. wanted.Groups ?? []]);
            var before = current.For(action.Id);
            if (before.Profiles.SetEquals(holders.Profiles) && before.Groups.Where(schoolGroups.Contains).ToHashSet().SetEquals(holders.Groups))
            {
                continue;
            }

            changed.Add(Describe(action.Id, before, holders));
            db.RemoveRange(rows.Where(r => r.Action == action.Id));
            db.AddRange(StructureRights.Departures(current.Degree, action, holders).Select(d => new AppRight
            {
                Id = Guid.CreateVersion7(now), StructureId = structureId, Action = d.Action, Profile = d.Profile, GroupId = d.GroupId, Allowed = d.Allowed,
            }));
        }

        if (changed.Count > 0)
        {
            audit.Record(AuditActions.AppRightsUpdate, null, null, structureId, string.Join("; ", changed));
            await db.SaveChangesAsync(ct);
        }

        return new Done();
    }

    /// <summary>Puts every action of the school back to its defaults (its rows deleted).</summary>
    public async Task<Outcome<Done>> ResetAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId) || !await db.Structures.AnyAsync(s => s.Id == structureId, ct))
        {
            return Outcome.NotFound<Done>();
        }

        var rows = await db.Set<AppRight>().Where(r => r.StructureId == structureId).ToListAsync(ct);
        if (rows.Count > 0)
        {
            db.RemoveRange(rows);
            audit.Record(AuditActions.AppRightsReset, null, null, structureId,
                string.Join(", ", rows.Select(r => r.Action).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            await db.SaveChangesAsync(ct);
        }

        return new Done();
    }

    // "blog.create: +Student -Relative +group:…": what the audit entry says changed.
    private static string Describe(string action, ActionHolders before, ActionHolders after)
    {
        var parts = new List<string>();
        parts.AddRange(after.Profiles.Except(before.Profiles).Order().Select(p => "+" + p));
        parts.AddRange(before.Profiles.Except(after.Profiles).Order().Select(p => "-" + p));
        parts.AddRange(after.Groups.Except(before.Groups).Select(g => "+group:" + g.ToString("D", CultureInfo.InvariantCulture)));
        parts.AddRange(before.Groups.Except(after.Groups).Select(g => "-group:" + g.ToString("D", CultureInfo.InvariantCulture)));
        return action + ": " + string.Join(" ", parts);
    }
}
