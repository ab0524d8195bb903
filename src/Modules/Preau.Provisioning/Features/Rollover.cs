using Microsoft.EntityFrameworkCore;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;

namespace Preau.Provisioning.Features;

/// <summary>
/// The school-year rollover of a structure: the current year's classes are archived (kept for
/// the record, emptied: their members leave the class groups), the structure moves to the next
/// year; accounts, parent links and the structure's own groups stay. The next pupils import
/// creates and fills the new year's classes.
/// </summary>
public sealed class Rollover(PreauDbContext db, AuditLog audit, TimeProvider clock, Preau.Platform.Communication.ReachCache reach)
{
    public sealed record ClassSummary(Guid Id, string Name, ClassLevel Level, int Pupils);

    public sealed record Preview(Guid StructureId, string StructureName, int FromYear, int ToYear, IReadOnlyList<ClassSummary> Classes, bool Allowed);

    public abstract record Result
    {
        public sealed record Done(int FromYear, int ToYear, int ClassesArchived, int MembershipsEnded) : Result;

        /// <summary>The structure is already in the year after the calendar's: one rollover ahead at most.</summary>
        public sealed record TooEarly(int SchoolYear) : Result;

        public sealed record NotFound : Result;
    }

    public async Task<Preview?> PreviewAsync(UserContext user, Guid structureId, CancellationToken ct)
    {
        var structure = await ProvisioningScope.StructureAsync(db, user, structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.StructureId == structureId && c.SchoolYear == structure.SchoolYear && c.ArchivedAt == null)
            .OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new ClassSummary(c.Id, c.Name, c.Level,
                db.GroupMembers.Count(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == c.Id && g.Kind == GroupKind.Profile && g.Profile == Profile.Student))))
            .ToListAsync(ct);
        return new Preview(structure.Id, structure.Name, structure.SchoolYear, structure.SchoolYear + 1, classes, Allowed(structure));
    }

    public async Task<Result> HandleAsync(UserContext user, Guid structureId, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null)
        {
            return new Result.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var structure = await db.Structures.FirstAsync(s => s.Id == structureId, ct);
        if (!Allowed(structure))
        {
            return new Result.TooEarly(structure.SchoolYear);
        }

        var now = clock.GetUtcNow();
        var from = structure.SchoolYear;
        var classIds = await db.Classes.Where(c => c.StructureId == structureId && c.SchoolYear == from && c.ArchivedAt == null).Select(c => c.Id).ToListAsync(ct);
        var ended = await db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId != null && classIds.Contains(g.ClassId.Value)))
            .ExecuteDeleteAsync(ct);
        await db.Classes.Where(c => classIds.Contains(c.Id)).ExecuteUpdateAsync(c => c.SetProperty(x => x.ArchivedAt, now), ct);
        structure.SchoolYear = from + 1;
        audit.Record("rollover.apply", null, structureId,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SchoolYears.Label(from)} → {SchoolYears.Label(from + 1)}; classes archived={classIds.Count}; memberships ended={ended}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Memberships ended in bulk, around the change tracker: nobody's reach can be trusted.
        reach.ForgetAll();
        return new Result.Done(from, from + 1, classIds.Count, ended);
    }

    /// <summary>A structure may prepare the next school year before the calendar reaches it, never two years ahead.</summary>
    private bool Allowed(Structure structure) => structure.SchoolYear <= SchoolYears.Of(clock.GetUtcNow());
}
