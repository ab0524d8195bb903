using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Rights;

/// <summary>
/// The one answer to "may this person use this application, and do this in it?": the union,
/// over the person's structures, of the actions their profile there or one of their groups
/// holds. Kept per person and per structure in <see cref="ReachCache"/> beside the memberships
/// it is built from, and forgotten with them: a membership change forgets the person, a saved
/// or reset right forgets every person's rights (<see cref="ReachInvalidation"/>).
/// </summary>
public sealed class AppRights(PreauDbContext db, Reach reach, ReachCache cache, AppRightsCatalog catalog)
{
    /// <summary>The actions a person holds; none for someone unknown, blocked or detached.</summary>
    public async Task<FrozenSet<string>> HeldAsync(Guid userId, CancellationToken ct = default)
    {
        if (catalog.Apps.Count == 0)
        {
            return FrozenSet<string>.Empty;
        }

        var generation = cache.RightsGeneration;
        var changes = cache.Changes;
        if (cache.TryGetHeldRights(userId, generation, out var cached))
        {
            return cached!;
        }

        var me = (await reach.MembershipsAsync([userId], ct))[userId];
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (me.Visible)
        {
            foreach (var rights in (await StructuresAsync(me.StructureIds, generation, ct)).Values)
            {
                held.UnionWith(rights.HeldBy(me.Profile, me.GroupIds));
            }
        }

        var result = held.ToFrozenSet(StringComparer.Ordinal);
        cache.SetHeldRights(userId, generation, result, changes);
        return result;
    }

    public async Task<bool> HoldsAsync(Guid userId, string action, CancellationToken ct = default) =>
        (await HeldAsync(userId, ct)).Contains(action);

    public Task<bool> HoldsAsync(UserContext user, string action, CancellationToken ct = default) => HoldsAsync(user.Id, action, ct);

    /// <summary>A structure's rights as they apply (defaults changed by its rows); null for an unknown structure.</summary>
    public async Task<StructureRights?> OfStructureAsync(Guid structureId, CancellationToken ct = default) =>
        (await StructuresAsync([structureId], cache.RightsGeneration, ct)).GetValueOrDefault(structureId);

    private async Task<Dictionary<Guid, StructureRights>> StructuresAsync(IEnumerable<Guid> structureIds, long generation, CancellationToken ct)
    {
        var found = new Dictionary<Guid, StructureRights>();
        var missing = new List<Guid>();
        foreach (var id in structureIds.Distinct())
        {
            if (cache.TryGetStructureRights(id, generation, out var rights))
            {
                found[id] = rights!;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var changes = cache.Changes;
        var types = await db.Structures.AsNoTracking().Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.Type }).ToListAsync(ct);
        var rows = (await db.Set<AppRight>().AsNoTracking().Where(r => missing.Contains(r.StructureId)).ToListAsync(ct)).ToLookup(r => r.StructureId);
        foreach (var structure in types)
        {
            var rights = StructureRights.Resolve(structure.Id, structure.Type.Degree(), catalog, rows[structure.Id]);
            cache.SetStructureRights(rights, generation, changes);
            found[structure.Id] = rights;
        }

        return found;
    }
}
