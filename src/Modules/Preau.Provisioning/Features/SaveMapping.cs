using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Features;

/// <summary>Records the column the admin chose for each field (null: not imported); says which required fields are still missing.</summary>
public sealed class SaveMapping(PreauDbContext db)
{
    public abstract record Result
    {
        public sealed record Saved(IReadOnlyList<ImportField> Missing) : Result;

        public sealed record Invalid(string Message) : Result;

        public sealed record NotFound : Result;
    }

    public async Task<Result> HandleAsync(UserContext user, Guid structureId, Guid importId, IReadOnlyDictionary<ImportField, int?> columns, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null)
        {
            return new Result.NotFound();
        }

        var run = await db.Set<ImportRun>().FirstOrDefaultAsync(r => r.Id == importId && r.StructureId == structureId, ct);
        if (run is null)
        {
            return new Result.NotFound();
        }

        if (run.State != ImportState.Uploaded)
        {
            return new Result.Invalid("This import has already been applied.");
        }

        var header = CsvFile.Parse(run.Content, run.Encoding).Header;
        var allowed = ImportFields.For(run.Kind);
        var chosen = new Dictionary<ImportField, int>();
        foreach (var (field, column) in columns)
        {
            if (!allowed.Contains(field))
            {
                return new Result.Invalid($"{field} is not a field of a {run.Kind} import.");
            }

            if (column is null)
            {
                continue;
            }

            if (column < 0 || column >= header.Count)
            {
                return new Result.Invalid($"Column {column} does not exist: the file has {header.Count} columns.");
            }

            if (chosen.ContainsValue(column.Value))
            {
                return new Result.Invalid($"Column {column} (\"{header[column.Value]}\") is chosen for two fields.");
            }

            chosen[field] = column.Value;
        }

        var mapping = new ColumnMapping(chosen);
        run.Mapping = mapping.Serialize();
        await db.SaveChangesAsync(ct);
        return new Result.Saved(ImportFields.Missing(run.Kind, mapping));
    }
}
