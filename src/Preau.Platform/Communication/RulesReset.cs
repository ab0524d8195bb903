using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Platform.Communication;

/// <summary>
/// Puts a structure's rules back to the defaults: every group's member settings, the links
/// among the structure's own groups, the direct parent–child rules. Links to or from other
/// structures, which only the SuperAdmin opens, are kept. Staged; the caller saves.
/// </summary>
public sealed class RulesReset(PreauDbContext db, TimeProvider clock)
{
    public async Task StageAsync(Guid structureId, CancellationToken ct = default)
    {
        var structure = await db.Structures.FirstAsync(s => s.Id == structureId, ct);
        var now = clock.GetUtcNow();
        var groups = await db.Groups.Where(g => g.StructureId == structureId).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var own = await db.Set<GroupLink>()
            .Where(l => groupIds.Contains(l.FromGroupId) && groupIds.Contains(l.ToGroupId))
            .ToListAsync(ct);
        db.Set<GroupLink>().RemoveRange(own);

        var structureGroups = groups.Where(g => g.ClassId is null && g.Kind == GroupKind.Profile).ToList();
        var links = DefaultRules.ApplyToStructure(structure, structureGroups, now).ToList();
        var classes = await db.Classes.Where(c => c.StructureId == structureId).ToListAsync(ct);
        foreach (var schoolClass in classes)
        {
            var classGroups = groups.Where(g => g.ClassId == schoolClass.Id && g.Kind == GroupKind.Profile).ToList();
            links.AddRange(DefaultRules.ApplyToClass(structure, schoolClass, classGroups, structureGroups, now));
        }

        foreach (var group in groups.Where(g => g.Kind != GroupKind.Profile))
        {
            group.Members = DefaultRules.ForOtherGroup(group.Kind);
        }

        // Removed and added again in one save: EF turns a delete and an insert of one key into an update.
        foreach (var link in links)
        {
            var removed = own.FirstOrDefault(l => l.FromGroupId == link.FromGroupId && l.ToGroupId == link.ToGroupId);
            if (removed is not null)
            {
                db.Entry(removed).State = EntityState.Unchanged;
            }
            else
            {
                db.Set<GroupLink>().Add(link);
            }
        }

        var defaults = DefaultRules.Direct(structureId, structure.Type, now);
        var direct = await db.Set<StructureReachRules>().FirstOrDefaultAsync(r => r.StructureId == structureId, ct);
        if (direct is null)
        {
            db.Set<StructureReachRules>().Add(defaults);
        }
        else
        {
            direct.RelativesReachChildren = defaults.RelativesReachChildren;
            direct.ChildrenReachRelatives = defaults.ChildrenReachRelatives;
            direct.UpdatedAt = now;
        }
    }
}

/// <summary>
/// Gives the default rules to structures saved before communication rules existed (a database
/// from an earlier version), at start-up.
/// </summary>
internal sealed partial class RulesBackfill(IServiceScopeFactory scopes, ILogger<RulesBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var missing = await db.Structures.Where(s => !db.Set<StructureReachRules>().Any(r => r.StructureId == s.Id))
                .Select(s => s.Id).ToListAsync(cancellationToken);
            foreach (var id in missing)
            {
                await scope.ServiceProvider.GetRequiredService<RulesReset>().StageAsync(id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (missing.Count > 0)
            {
                LogDone(logger, missing.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet (Database:MigrateOnStartup=false) must not stop the
            // application: the rules are set at the next start.
            LogPostponed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Default communication rules given to {Count} structure(s) saved before they existed")]
    private static partial void LogDone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Default communication rules not set at start-up; retried at the next start")]
    private static partial void LogPostponed(ILogger logger, Exception exception);
}
