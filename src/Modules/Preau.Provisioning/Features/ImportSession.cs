using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Planning;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Features;

/// <summary>An uploaded file as the mapping, preview and report steps read it: the run, its table, its mapping.</summary>
public sealed record ImportFile(ImportRun Run, string StructureName, CsvTable Table, ColumnMapping Mapping)
{
    public IReadOnlyList<ImportField> MissingFields => ImportFields.Missing(Run.Kind, Mapping);
}

/// <summary>Loads an import of a structure the caller provisions, and plans it.</summary>
public sealed class ImportSession(PreauDbContext db, TimeProvider clock)
{
    public async Task<ImportFile?> LoadAsync(UserContext user, Guid structureId, Guid importId, CancellationToken ct)
    {
        var structure = await ProvisioningScope.StructureAsync(db, user, structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var run = await db.Set<ImportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == importId && r.StructureId == structureId, ct);
        return run is null ? null : Read(run, structure.Name);
    }

    public static ImportFile Read(ImportRun run, string structureName) =>
        new(run, structureName, CsvFile.Parse(run.Content, run.Encoding), ColumnMapping.Parse(run.Mapping));

    /// <summary>What applying the file now would do; writes nothing.</summary>
    public async Task<ImportPlan?> PlanAsync(ImportFile file, CancellationToken ct) =>
        await PlanAsync(db, clock, file, track: false, ct);

    internal static async Task<ImportPlan?> PlanAsync(PreauDbContext db, TimeProvider clock, ImportFile file, bool track, CancellationToken ct, bool detachAbsent = true)
    {
        var snapshot = await DirectorySnapshot.LoadAsync(db, file.Run.StructureId, track, ct);
        if (snapshot is null)
        {
            return null;
        }

        if (file.Run.Kind != ImportKind.Staff)
        {
            var emailFields = new[] { ImportField.Email, ImportField.Relative1Email, ImportField.Relative2Email }
                .Select(file.Mapping.ColumnOf).OfType<int>().ToList();
            var emails = file.Table.Rows.SelectMany(r => emailFields.Where(c => c < r.Fields.Count).Select(c => Values.Email(r.Fields[c]))).OfType<string>();
            snapshot = await snapshot.WithRelativesByEmailAsync(db, emails, track, ct);
        }

        return new ImportPlanner(snapshot, file.Run.Kind, file.Table, file.Mapping, () => Guid.CreateVersion7(clock.GetUtcNow()), detachAbsent).Plan();
    }
}
