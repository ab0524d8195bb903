using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// The annuaire's search: the people and the groups a person may reach, by name, profile,
/// school and class, through the platform's visible set (never a rule of its own); the
/// filters offer only the profiles, schools and classes of that set.
/// </summary>
public sealed class SearchDirectory(VisibleSearch search, Reach reach, PreauDbContext db, PhotoTags photos, ParentsChildren families)
{
    public const int PageSize = 24;

    public sealed record Request(string? Q, Profile? Profile = null, Guid? School = null, Guid? Class = null, int Page = 1);

    public sealed record PersonCard(Guid Id, string DisplayName, Profile Profile, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes, Face Face);

    public sealed record Result(VisibleResults<PersonCard> People, VisibleResults<VisibleGroup> Groups);

    public sealed record Option(Guid Id, string Name, Guid? StructureId = null);

    public sealed record Filters(IReadOnlyList<Profile> Profiles, IReadOnlyList<Option> Schools, IReadOnlyList<Option> Classes);

    public async Task<VisibleResults<PersonCard>> PeopleAsync(Guid userId, Request request, CancellationToken ct)
    {
        var found = await search.PeopleAsync(userId, Query(request), ct);
        var tags = await photos.OfAsync([.. found.Items.Select(p => p.Id)], ct);
        // A parent's places are their children's: only those of children the viewer reaches are named.
        var parents = await families.OfAsync(userId, [.. found.Items.Where(p => p.Profile == Profile.Relative).Select(p => p.Id)], ct);
        return new VisibleResults<PersonCard>(
            [.. found.Items.Select(p => new PersonCard(p.Id, p.DisplayName, p.Profile,
                parents.TryGetValue(p.Id, out var family) ? [.. p.Schools.Where(family.Names.Contains)] : p.Schools,
                parents.TryGetValue(p.Id, out family) ? [.. p.Classes.Where(family.Names.Contains)] : p.Classes,
                Face.Of(p.Id, p.FirstName, p.LastName, tags.GetValueOrDefault(p.Id))))],
            found.Page, found.PageSize, found.Total);
    }

    public Task<VisibleResults<VisibleGroup>> GroupsAsync(Guid userId, Request request, CancellationToken ct) =>
        search.GroupsAsync(userId, Query(request), ct);

    public async Task<Result> HandleAsync(Guid userId, Request request, CancellationToken ct) =>
        new(await PeopleAsync(userId, request, ct), await GroupsAsync(userId, request with { Page = 1 }, ct));

    /// <summary>The profiles, schools and classes found among the groups the person reaches or addresses.</summary>
    public async Task<Filters> FiltersAsync(Guid userId, CancellationToken ct)
    {
        var set = await reach.VisibleSetAsync(userId, ct);
        var ids = set.Groups.Concat(set.MemberGroups).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new
            {
                g.Profile, g.StructureId, g.ClassId,
                School = db.Structures.Where(s => s.Id == g.StructureId).Select(s => s.Name).First(),
                Class = db.Classes.Where(c => c.Id == g.ClassId && c.ArchivedAt == null).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Filters(
            [.. groups.Where(g => g.Profile is not null).Select(g => g.Profile!.Value).Distinct().Order()],
            [.. groups.Select(g => new Option(g.StructureId, g.School)).Distinct().OrderBy(o => o.Name, StringComparer.CurrentCulture)],
            [.. groups.Where(g => g.ClassId is not null && g.Class is not null).Select(g => new Option(g.ClassId!.Value, g.Class!, g.StructureId)).Distinct()
                .OrderBy(o => o.Name, StringComparer.CurrentCulture)]);
    }

    private static VisibleQuery Query(Request request) =>
        new(request.Q?.Trim(), request.Profile, request.School, request.Class, Math.Max(1, request.Page), PageSize);
}
