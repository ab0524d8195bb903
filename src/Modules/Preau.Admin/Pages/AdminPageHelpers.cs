using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Admin.Authorization;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Pages;

/// <summary>What the administration pages share: error messages on fields, choices of schools and classes, dates in Paris.</summary>
public static class AdminPageHelpers
{
    public sealed record Choice(Guid Id, string Name, Guid? StructureId = null, ClassLevel? Level = null);

    /// <summary>Puts a use case's errors (resource keys per field) on the page's fields, under <paramref name="prefix"/>.</summary>
    internal static void AddErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, IStringLocalizer<AdminStrings> s, string prefix = "Input.")
    {
        foreach (var (field, keys) in errors)
        {
            foreach (var key in keys)
            {
                state.AddModelError(prefix + field, s[key].Value);
            }
        }
    }

    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

    /// <summary>The schools the administrator holds, in French order.</summary>
    internal static async Task<List<Choice>> StructureChoicesAsync(PreauDbContext db, UserContext me, CancellationToken ct)
    {
        var scope = AdminScope.Structures(me);
        var rows = await db.Structures.AsNoTracking().Where(s => scope == null || scope.Contains(s.Id))
            .Select(s => new Choice(s.Id, s.Name, null, null)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, French)];
    }

    /// <summary>This year's classes of some schools, by level then name.</summary>
    internal static async Task<List<Choice>> ClassChoicesAsync(PreauDbContext db, IReadOnlyCollection<Guid> structureIds, CancellationToken ct)
    {
        var rows = await db.Classes.AsNoTracking().Where(c => structureIds.Contains(c.StructureId) && c.ArchivedAt == null)
            .Select(c => new Choice(c.Id, c.Name, c.StructureId, c.Level)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Level).ThenBy(r => r.Name, French)];
    }

    public static string When(DateTimeOffset? at, string never) =>
        at is null ? never : SchoolTime.ToParis(at.Value).ToString("g", CultureInfo.CurrentCulture);

    public static string Day(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";
}
