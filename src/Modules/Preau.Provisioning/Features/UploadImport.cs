using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Features;

/// <summary>
/// Reads an uploaded file and keeps it, with the column mapping its headers suggest. Nothing of
/// the directory changes: the admin checks the mapping and the preview first.
/// </summary>
public sealed class UploadImport(PreauDbContext db, TimeProvider clock)
{
    public abstract record Result
    {
        public sealed record Uploaded(ImportRun Run) : Result;

        public sealed record Unreadable(FileProblem Problem, string Message) : Result;

        public sealed record NotFound : Result;
    }

    public async Task<Result> HandleAsync(UserContext user, Guid structureId, ImportKind kind, string? fileName, Stream content, long length, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null || !Enum.IsDefined(kind))
        {
            return new Result.NotFound();
        }

        try
        {
            if (length > CsvFile.MaxBytes)
            {
                throw new CsvFileException(FileProblem.TooLarge, "The file is larger than 10 MB.");
            }

            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            var (text, encoding) = CsvFile.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var table = CsvFile.Parse(text, encoding);
            if (table.Rows.Count == 0)
            {
                throw new CsvFileException(FileProblem.NoDataLines, "The file has a header but no lines.");
            }

            var now = clock.GetUtcNow();
            var run = new ImportRun
            {
                Id = Guid.CreateVersion7(now),
                StructureId = structureId,
                Kind = kind,
                FileName = SafeName(fileName),
                Encoding = encoding,
                Delimiter = table.Delimiter.ToString(),
                Content = text,
                DataLines = table.Rows.Count,
                Mapping = ColumnMapping.Suggest(kind, table.Header).Serialize(),
                State = ImportState.Uploaded,
                UploadedById = user.Id,
                UploadedByName = user.DisplayName,
                UploadedAt = now,
            };
            db.Add(run);
            await db.SaveChangesAsync(ct);
            return new Result.Uploaded(run);
        }
        catch (CsvFileException e)
        {
            return new Result.Unreadable(e.Problem, e.Message);
        }
    }

    /// <summary>The file's own name, without a path or control characters, for the history.</summary>
    private static string SafeName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string([.. file.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "import.csv" : clean.Length > 200 ? clean[..200] : clean;
    }
}
