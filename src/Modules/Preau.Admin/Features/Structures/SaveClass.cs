using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Structures;

/// <summary>Creates a class of the school's current year, or renames it / changes its level. Last years' classes stay as they were.</summary>
public sealed class SaveClass(PreauDbContext db, AdminAccess access, DirectoryWriter directory, AuditLog audit)
{
    public sealed record Request(string? Name, ClassLevel Level);

    public sealed record Saved(Guid Id, string Name);

    public async Task<Outcome<Saved>> CreateAsync(UserContext me, Guid structureId, Request request, CancellationToken ct)
    {
        var structure = await access.StructureAsync(me, structureId, ct);
        if (structure is null)
        {
            return Outcome.NotFound<Saved>();
        }

        var problems = await CheckAsync(structure.Id, structure.Type, structure.SchoolYear, null, request, ct);
        if (problems.Any)
        {
            return Outcome.Invalid<Saved>(problems.ToDictionary());
        }

        var schoolClass = await directory.CreateClassAsync(structure.Id, request.Name!, request.Level, ct);
        audit.Record(AuditActions.ClassCreate, null, null, structure.Id, $"{schoolClass.Name} ({request.Level})");
        await db.SaveChangesAsync(ct);
        return new Saved(schoolClass.Id, schoolClass.Name);
    }

    public async Task<Outcome<Saved>> UpdateAsync(UserContext me, Guid classId, Request request, CancellationToken ct)
    {
        var schoolClass = await access.ClassAsync(me, classId, ct);
        if (schoolClass is null)
        {
            return Outcome.NotFound<Saved>();
        }

        var structure = await db.Structures.FirstAsync(s => s.Id == schoolClass.StructureId, ct);
        var problems = await CheckAsync(structure.Id, structure.Type, schoolClass.SchoolYear, schoolClass.Id, request, ct);
        if (schoolClass.ArchivedAt is not null)
        {
            problems.Add("Name", "Error.Archived");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<Saved>(problems.ToDictionary());
        }

        var name = request.Name!.Trim();
        var before = $"{schoolClass.Name} ({schoolClass.Level})";
        if (!string.Equals(name, schoolClass.Name, StringComparison.Ordinal) || schoolClass.Level != request.Level)
        {
            schoolClass.Name = name;
            schoolClass.Level = request.Level;
            var groups = await db.Groups.Where(g => g.ClassId == schoolClass.Id && g.Kind == Platform.Directory.Domain.GroupKind.Profile).ToListAsync(ct);
            foreach (var group in groups)
            {
                group.Name = $"{name} — {group.Profile}";
            }

            audit.Record(AuditActions.ClassUpdate, null, null, structure.Id, $"{before} → {name} ({request.Level})");
            await db.SaveChangesAsync(ct);
        }

        return new Saved(schoolClass.Id, schoolClass.Name);
    }

    private async Task<Problems> CheckAsync(Guid structureId, StructureType type, int year, Guid? self, Request request, CancellationToken ct)
    {
        var problems = new Problems();
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0)
        {
            problems.Add("Name", "Error.Required");
        }
        else if (name.Length > 100)
        {
            problems.Add("Name", "Error.TooLong");
        }
        else if (await db.Classes.AnyAsync(c => c.StructureId == structureId && c.SchoolYear == year && c.Name == name && c.Id != self, ct))
        {
            problems.Add("Name", "Error.ClassNameTaken");
        }

        if (!Enum.IsDefined(request.Level) || !type.Accepts(request.Level))
        {
            problems.Add("Level", "Error.Level");
        }

        return problems;
    }
}
