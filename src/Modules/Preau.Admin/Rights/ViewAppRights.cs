using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;

namespace Preau.Admin.Rights;

/// <summary>
/// A school's application rights as its administrator edits them: per application, each action
/// with the profiles and groups that hold it here and the profiles that hold it by default.
/// Null out of scope (LocalAdmin of the school or SuperAdmin only).
/// </summary>
public sealed class ViewAppRights(PreauDbContext db, AppRights rights, AppRightsCatalog catalog, IStringLocalizerFactory localizers)
{
    public sealed record Matrix(Guid StructureId, string StructureName, Degree Degree, bool Customised, IReadOnlyList<AppView> Apps, IReadOnlyList<GroupOption> Groups);

    public sealed record AppView(string Id, string Name, string Description, IReadOnlyList<ActionView> Actions, IReadOnlyList<GroupOption> GroupHolders);

    public sealed record ActionView(string Action, string Label, IReadOnlyList<Profile> Profiles, IReadOnlyList<Guid> Groups, IReadOnlyList<Profile> DefaultProfiles)
    {
        public bool HeldBy(Profile profile) => Profiles.Contains(profile);

        public bool HeldBy(Guid groupId) => Groups.Contains(groupId);

        public bool IsDefault(Profile profile) => DefaultProfiles.Contains(profile);
    }

    /// <summary>A group of the school that may be made a holder: its profile groups, this year's classes' groups, manual and teaching groups.</summary>
    public sealed record GroupOption(Guid Id, string Name);

    public async Task<Matrix?> HandleAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId))
        {
            return null;
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        var current = await rights.OfStructureAsync(structureId, ct);
        if (structure is null || current is null)
        {
            return null;
        }

        var groups = await GroupsAsync(db, structureId, ct);
        var groupNames = groups.ToDictionary(g => g.Id);
        var apps = catalog.Apps.Select(app =>
        {
            var strings = localizers.Create(app.Strings);
            var actions = app.Actions.Select(a =>
            {
                var holders = current.For(a.Id);
                return new ActionView(a.Id, strings[a.LabelKey], [.. holders.Profiles.Order()], [.. holders.Groups.Where(groupNames.ContainsKey)],
                    [.. a.Defaults.For(current.Degree).Order()]);
            }).ToList();
            var holders = actions.SelectMany(a => a.Groups).Distinct().Select(id => groupNames[id]).OrderBy(g => g.Name, StringComparer.CurrentCulture).ToList();
            return new AppView(app.Id, strings[app.NameKey], strings[app.DescriptionKey], actions, holders);
        }).ToList();
        return new Matrix(structure.Id, structure.Name, current.Degree, current.Customised, apps, groups);
    }

    /// <summary>The groups of a school that may hold rights (the archived classes' excluded).</summary>
    internal static async Task<List<GroupOption>> GroupsAsync(PreauDbContext db, Guid structureId, CancellationToken ct) =>
        (await db.Groups.AsNoTracking()
            .Where(g => g.StructureId == structureId && (g.ClassId == null || db.Classes.Any(c => c.Id == g.ClassId && c.ArchivedAt == null)))
            .Select(g => new GroupOption(g.Id, g.Name))
            .ToListAsync(ct))
        .OrderBy(g => g.Name, StringComparer.CurrentCulture).ToList();
}
