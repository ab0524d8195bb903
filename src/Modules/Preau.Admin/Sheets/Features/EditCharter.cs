using Microsoft.EntityFrameworkCore;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Sheets.Features;

/// <summary>
/// A school's charter (charte d'utilisation), accepted by everyone who activates an account there.
/// Plain text with blank lines between paragraphs; empty goes back to the platform's default.
/// Only the school's LocalAdmin and the SuperAdmin see or change it; anyone else gets null, a 404.
/// </summary>
public sealed class EditCharter(PreauDbContext db, AuditLog audit)
{
    /// <summary>Text null: the school uses the platform's default charter.</summary>
    public sealed record Charter(Guid StructureId, string StructureName, string? Text);

    public abstract record Result
    {
        public sealed record Saved(Charter Charter) : Result;

        public sealed record TooLong(int MaxLength) : Result;
    }

    public async Task<Charter?> GetAsync(UserContext me, Guid structureId, CancellationToken ct) =>
        SheetScope.AdministersStructure(me, structureId)
            ? await db.Structures.AsNoTracking().Where(s => s.Id == structureId)
                .Select(s => new Charter(s.Id, s.Name, s.Charter)).FirstOrDefaultAsync(ct)
            : null;

    public async Task<Result?> SaveAsync(UserContext me, Guid structureId, string? text, CancellationToken ct)
    {
        if (!SheetScope.AdministersStructure(me, structureId))
        {
            return null;
        }

        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var cleaned = CharterText.Clean(text);
        if (cleaned?.Length > CharterText.MaxLength)
        {
            return new Result.TooLong(CharterText.MaxLength);
        }

        if (!string.Equals(cleaned, structure.Charter, StringComparison.Ordinal))
        {
            structure.Charter = cleaned;
            audit.Record("charter.update", null, null, structure.Id, cleaned is null ? "default charter" : $"{cleaned.Length} characters");
            await db.SaveChangesAsync(ct);
        }

        return new Result.Saved(new Charter(structure.Id, structure.Name, structure.Charter));
    }
}
