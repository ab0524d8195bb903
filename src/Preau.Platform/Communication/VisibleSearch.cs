using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Resources;

namespace Preau.Platform.Communication;

/// <summary>What to look for among the people and groups a person may reach.</summary>
/// <param name="Text">A name (or its beginning), a login; empty lists everyone, in name order.</param>
/// <param name="Profile">Only people of this profile (and groups of it).</param>
/// <param name="StructureId">Only people and groups of this school.</param>
/// <param name="ClassId">Only people and groups of this class.</param>
/// <param name="Page">From 1.</param>
/// <param name="PageSize">At most <see cref="MaxPageSize"/>.</param>
public sealed record VisibleQuery(string? Text, Profile? Profile = null, Guid? StructureId = null, Guid? ClassId = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;
}

public sealed record VisiblePerson(Guid Id, string DisplayName, string FirstName, string LastName, Profile Profile, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes);

/// <summary>A group as a person sees it; <see cref="Label"/> is its name in the current language.</summary>
public sealed record VisibleGroup(Guid Id, string Label, GroupKind Kind, Profile? Profile, Guid StructureId, string StructureName, Guid? ClassId, string? ClassName, int Members);

public sealed record VisibleResults<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public bool HasMore => Page * PageSize < Total;
}

/// <summary>
/// Searches the visible set: the annuaire, the share dialog, recipients and mentions all look
/// for people and groups through it. People are found by the beginning of their folded name or
/// login through the same index as the console's search, within the groups the rules open.
/// </summary>
public sealed class VisibleSearch(PreauDbContext db, Reach reach, IStringLocalizer<GroupStrings> strings)
{
    public async Task<VisibleResults<VisiblePerson>> PeopleAsync(Guid userId, VisibleQuery query, CancellationToken ct = default)
    {
        var set = await reach.VisibleSetAsync(userId, ct);
        var size = Math.Clamp(query.PageSize, 1, VisibleQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var people = UserSearchName.Matching(reach.VisibleUsers(set), query.Text);
        if (query.Profile is { } profile)
        {
            people = people.Where(u => u.Profile == profile);
        }

        if (query.ClassId is { } classId)
        {
            people = people.Where(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId && g.Kind == GroupKind.Profile)));
        }
        else if (query.StructureId is { } structureId)
        {
            people = people.Where(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId)));
        }

        var total = await people.CountAsync(ct);
        var rows = await people
            .OrderBy(u => EF.Property<string>(u, UserSearchName.Property)).ThenBy(u => u.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(u => new { u.Id, u.DisplayName, u.FirstName, u.LastName, u.Profile })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();

        // Where each one belongs: a parent's classes are their children's, shown as such by the caller.
        var places = await db.GroupMembers.AsNoTracking().Where(m => ids.Contains(m.UserId))
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, g.StructureId, g.ClassId })
            .Join(db.Structures, x => x.StructureId, s => s.Id, (x, s) => new { x.UserId, x.ClassId, School = s.Name })
            .ToListAsync(ct);
        var classIds = places.Where(p => p.ClassId is not null).Select(p => p.ClassId!.Value).Distinct().ToList();
        var classNames = await db.Classes.AsNoTracking().Where(c => classIds.Contains(c.Id) && c.ArchivedAt == null)
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new VisibleResults<VisiblePerson>(
            [.. rows.Select(r => new VisiblePerson(r.Id, r.DisplayName, r.FirstName, r.LastName, r.Profile,
                [.. places.Where(p => p.UserId == r.Id).Select(p => p.School).Distinct().Order(StringComparer.Ordinal)],
                [.. places.Where(p => p.UserId == r.Id && p.ClassId is not null && classNames.ContainsKey(p.ClassId.Value))
                    .Select(p => classNames[p.ClassId!.Value]).Distinct().Order(StringComparer.Ordinal)]))],
            page, size, total);
    }

    public async Task<VisibleResults<VisibleGroup>> GroupsAsync(Guid userId, VisibleQuery query, CancellationToken ct = default)
    {
        var set = await reach.VisibleSetAsync(userId, ct);
        var size = Math.Clamp(query.PageSize, 1, VisibleQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var groups = reach.VisibleGroups(set)
            .Where(g => g.ClassId == null || db.Classes.Any(c => c.Id == g.ClassId && c.ArchivedAt == null));
        if (query.Profile is { } profile)
        {
            groups = groups.Where(g => g.Profile == profile);
        }

        if (query.ClassId is { } classId)
        {
            groups = groups.Where(g => g.ClassId == classId);
        }
        else if (query.StructureId is { } structureId)
        {
            groups = groups.Where(g => g.StructureId == structureId);
        }

        // Few groups (tens): labelled in the person's language, then matched and paged here.
        var rows = await groups
            .Select(g => new
            {
                g.Id, g.Name, g.Kind, g.Profile, g.StructureId, g.ClassId,
                Structure = db.Structures.Where(s => s.Id == g.StructureId).Select(s => s.Name).First(),
                Class = db.Classes.Where(c => c.Id == g.ClassId).Select(c => c.Name).FirstOrDefault(),
                Members = db.GroupMembers.Count(m => m.GroupId == g.Id),
            })
            .ToListAsync(ct);
        var folded = UserSearchName.Fold(query.Text ?? "");
        var matching = rows
            .Select(r => new VisibleGroup(r.Id, GroupLabels.Of(strings, r.Kind, r.Profile, r.Name, r.Structure, r.Class), r.Kind, r.Profile, r.StructureId, r.Structure, r.ClassId, r.Class, r.Members))
            .Where(g => folded.Length == 0 || UserSearchName.Fold(g.Label).Contains(folded, StringComparison.Ordinal))
            .OrderBy(g => g.ClassId is null ? 0 : 1).ThenBy(g => g.StructureName, StringComparer.Ordinal).ThenBy(g => g.ClassName, StringComparer.Ordinal).ThenBy(g => g.Label, StringComparer.Ordinal)
            .ToList();
        return new VisibleResults<VisibleGroup>([.. matching.Skip((page - 1) * size).Take(size)], page, size, matching.Count);
    }
}

/// <summary>Names of groups as people read them: "Élèves de CE2 A", "Parents — École Jules Ferry".</summary>
public static class GroupLabels
{
    public static string Of(IStringLocalizer strings, GroupKind kind, Profile? profile, string name, string structureName, string? className)
    {
        if (kind != GroupKind.Profile || profile is null)
        {
            return name;
        }

        var key = className is null ? $"Group.School.{profile}" : $"Group.Class.{profile}";
        return strings[key, className ?? structureName];
    }
}
