using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Admin.Sheets.Pdf;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Hosting;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Sheets.Features;

/// <summary>Who a print run is for: the three piles a school hands out.</summary>
public enum SheetAudience
{
    Pupils,
    Parents,
    Staff,
}

/// <summary>
/// Prints the connection sheets of a class, a school or a selection: one page per person, a
/// parent's page listing their children's codes too. Printing issues fresh codes for the accounts
/// printed (older sheets stop working); accounts already active are skipped unless asked for, and
/// then print without a code (a code would let whoever holds the sheet take the account over).
/// Blocked and detached accounts never print. Outside the caller's scope: null, a 404.
/// </summary>
public sealed class PrintConnectionSheets(
    PreauDbContext db, ActivationCodes codes, AuditLog audit, SiteAddress site, IOptions<PreauOptions> options, TimeProvider clock)
{
    public sealed record Request(Guid StructureId, Guid? ClassId, IReadOnlyList<Guid>? UserIds, IReadOnlyList<SheetAudience>? Audiences, bool IncludeActive);

    public sealed record AudienceCount(SheetAudience Audience, int Pending, int Active);

    /// <summary>What the print page shows before printing.</summary>
    public sealed record Scope(Guid StructureId, string StructureName, Guid? ClassId, string? ClassName, bool MayPrintStaff,
        IReadOnlyList<AudienceCount> Counts, IReadOnlyList<ClassRef> Classes);

    public abstract record Result
    {
        public sealed record Printed(byte[] Pdf, string FileName, int Sheets, int CodesIssued, int SkippedActive, int SkippedUnavailable) : Result;

        /// <summary>Nobody to print: everyone chosen is active (or blocked).</summary>
        public sealed record Nothing(int SkippedActive, int SkippedUnavailable) : Result;
    }

    private sealed record Place(Structure Structure, SchoolClass? Class, bool Administers);

    private sealed record People(List<User> Pupils, List<User> Parents, List<User> Staff, List<ParentLink> Links, Dictionary<Guid, string> ClassOfPupil);

    public async Task<Scope?> DescribeAsync(UserContext user, Guid structureId, Guid? classId, CancellationToken ct)
    {
        if (await PlaceAsync(user, structureId, classId, ct) is not { } place)
        {
            return null;
        }

        var people = await PeopleAsync(place, tracked: false, ct);
        AudienceCount Count(SheetAudience audience, List<User> users) => new(audience,
            users.Count(u => u.State == AccountState.PendingActivation && u.DetachedAt is null),
            users.Count(u => u.State == AccountState.Active && u.DetachedAt is null));
        var counts = new List<AudienceCount> { Count(SheetAudience.Pupils, people.Pupils), Count(SheetAudience.Parents, people.Parents) };
        if (place.Administers)
        {
            counts.Add(Count(SheetAudience.Staff, people.Staff));
        }

        var classes = place.Class is not null ? [] : await db.Classes.AsNoTracking()
            .Where(c => c.StructureId == structureId && c.ArchivedAt == null)
            .Select(c => new ClassRef(c.Id, c.StructureId, c.Name, c.Level))
            .ToListAsync(ct);
        return new Scope(place.Structure.Id, place.Structure.Name, place.Class?.Id, place.Class?.Name, place.Administers, counts,
            [.. classes.OrderBy(c => c.Level).ThenBy(c => c.Name, SheetWording.FrenchOrder)]);
    }

    public async Task<Result?> HandleAsync(UserContext user, Request request, CancellationToken ct)
    {
        if (await PlaceAsync(user, request.StructureId, request.ClassId, ct) is not { } place)
        {
            return null;
        }

        var audiences = request.Audiences is { Count: > 0 } asked
            ? asked.ToHashSet()
            : request.UserIds is { Count: > 0 } ? [SheetAudience.Pupils, SheetAudience.Parents, SheetAudience.Staff] : [SheetAudience.Pupils, SheetAudience.Parents];
        if (audiences.Contains(SheetAudience.Staff) && !place.Administers && request.Audiences is { Count: > 0 })
        {
            return null;
        }

        var people = await PeopleAsync(place, tracked: true, ct);
        var inScope = people.Pupils.Concat(people.Parents).Concat(place.Administers ? people.Staff : []).Select(u => u.Id).ToHashSet();
        HashSet<Guid>? chosen = null;
        if (request.UserIds is { Count: > 0 } ids)
        {
            chosen = [.. ids];
            if (!chosen.IsSubsetOf(inScope))
            {
                return null;
            }
        }

        bool Wanted(User u, SheetAudience audience) => audiences.Contains(audience) && (chosen is null || chosen.Contains(u.Id));
        var skippedActive = 0;
        var skippedUnavailable = 0;
        bool Prints(User u)
        {
            if (u.State == AccountState.Blocked || u.DetachedAt is not null)
            {
                skippedUnavailable++;
                return false;
            }

            if (u.State == AccountState.Active && !request.IncludeActive)
            {
                skippedActive++;
                return false;
            }

            return true;
        }

        var issued = new Dictionary<Guid, SheetAccount>();
        SheetAccount AccountOf(User u)
        {
            if (!issued.TryGetValue(u.Id, out var account))
            {
                // One code per person and run: a pupil's own sheet and their parents' sheets agree.
                account = u.State == AccountState.PendingActivation
                    ? new SheetAccount(u.Login, codes.Issue(u), u.ActivationCodeExpiresAt)
                    : new SheetAccount(u.Login, null, null);
                issued[u.Id] = account;
            }

            return account;
        }

        var firstDegree = place.Structure.Type.Degree() == Degree.First;
        var pupilsById = people.Pupils.ToDictionary(p => p.Id);
        var parentsById = people.Parents.ToDictionary(p => p.Id);
        var parentsOf = people.Links.ToLookup(l => l.StudentId, l => l.RelativeId);
        var childrenOf = people.Links.ToLookup(l => l.RelativeId, l => l.StudentId);
        var sheets = new List<Sheet>();
        var printedParents = new HashSet<Guid>();
        foreach (var pupil in people.Pupils)
        {
            var className = people.ClassOfPupil.GetValueOrDefault(pupil.Id);
            if (Wanted(pupil, SheetAudience.Pupils) && Prints(pupil))
            {
                var detail = className is null ? SheetWording.Role(Profile.Student) : $"{SheetWording.Role(Profile.Student)} · {className}";
                sheets.Add(new Sheet(pupil.DisplayName, SheetKind.Pupil, detail, firstDegree, AccountOf(pupil), []));
            }

            var parents = parentsOf[pupil.Id].Where(id => parentsById.ContainsKey(id) && !printedParents.Contains(id)).Select(id => parentsById[id])
                .OrderBy(p => p.LastName, SheetWording.FrenchOrder).ThenBy(p => p.FirstName, SheetWording.FrenchOrder).ToList();
            foreach (var parent in parents)
            {
                printedParents.Add(parent.Id);
                if (!Wanted(parent, SheetAudience.Parents) || !Prints(parent))
                {
                    continue;
                }

                var children = childrenOf[parent.Id].Where(pupilsById.ContainsKey).Select(id => pupilsById[id])
                    .Where(c => c.State != AccountState.Blocked && c.DetachedAt is null)
                    .OrderBy(c => c.FirstName, SheetWording.FrenchOrder)
                    .ToList();
                var detail = SheetWording.ParentOf([.. children.Select(c => (c.FirstName, people.ClassOfPupil.GetValueOrDefault(c.Id)))]);
                sheets.Add(new Sheet(parent.DisplayName, SheetKind.Parent, detail, firstDegree, AccountOf(parent),
                    [.. children.Select(c => new SheetChild(c.DisplayName, people.ClassOfPupil.GetValueOrDefault(c.Id), AccountOf(c)))]));
            }
        }

        if (place.Administers)
        {
            foreach (var member in people.Staff.Where(s => Wanted(s, SheetAudience.Staff) && Prints(s)))
            {
                var detail = place.Class is null ? SheetWording.Role(member.Profile) : $"{SheetWording.Role(member.Profile)} · {place.Class.Name}";
                sheets.Add(new Sheet(member.DisplayName, SheetKind.Staff, detail, firstDegree, AccountOf(member), []));
            }
        }

        if (sheets.Count == 0)
        {
            return new Result.Nothing(skippedActive, skippedUnavailable);
        }

        var scopeName = place.Class?.Name ?? place.Structure.Name;
        var pdf = ConnectionSheetPdf.Render(new SheetBatch(options.Value.InstanceName, place.Structure.Name, site.Get(), clock.GetUtcNow(), sheets));
        var codesIssued = issued.Values.Count(a => a.Code is not null);
        if (codesIssued > 0)
        {
            var single = issued.Count(a => a.Value.Code is not null) == 1 ? issued.First(a => a.Value.Code is not null).Key : (Guid?)null;
            var target = single is null ? null : people.Pupils.Concat(people.Parents).Concat(people.Staff).First(u => u.Id == single);
            audit.Record("code.issue", target?.Id, target?.DisplayName, place.Structure.Id,
                $"{codesIssued} code(s), {sheets.Count} sheet(s): {scopeName}");
        }

        await db.SaveChangesAsync(ct);
        return new Result.Printed(pdf, SheetWording.FileName(scopeName), sheets.Count, codesIssued, skippedActive, skippedUnavailable);
    }

    private async Task<Place?> PlaceAsync(UserContext user, Guid structureId, Guid? classId, CancellationToken ct)
    {
        var structure = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var administers = SheetScope.AdministersStructure(user, structureId);
        if (classId is null)
        {
            return administers ? new Place(structure, null, true) : null;
        }

        var schoolClass = await db.Classes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId && c.StructureId == structureId && c.ArchivedAt == null, ct);
        return schoolClass is not null && (administers || SheetScope.TeachesOrManagesClass(user, schoolClass.Id))
            ? new Place(structure, schoolClass, administers)
            : null;
    }

    private async Task<People> PeopleAsync(Place place, bool tracked, CancellationToken ct)
    {
        var structureId = place.Structure.Id;
        var classId = place.Class?.Id;
        var memberships = await db.Groups.AsNoTracking()
            .Where(g => g.Kind == GroupKind.Profile && g.StructureId == structureId && (classId == null || g.ClassId == classId))
            .Join(db.GroupMembers, g => g.Id, m => m.GroupId, (g, m) => new { m.UserId, g.Profile, g.ClassId })
            .ToListAsync(ct);
        var openClasses = await db.Classes.AsNoTracking()
            .Where(c => c.StructureId == structureId && c.ArchivedAt == null && (classId == null || c.Id == classId))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var pupilIds = memberships.Where(m => m.Profile == Profile.Student && (classId is not null || m.ClassId is null || openClasses.ContainsKey(m.ClassId.Value)))
            .Select(m => m.UserId).ToHashSet();
        var staffIds = memberships.Where(m => m.Profile is Profile.Teacher or Profile.Personnel or Profile.Periscolaire or Profile.Guest)
            .Select(m => m.UserId).ToHashSet();
        var classOfPupil = memberships
            .Where(m => m.Profile == Profile.Student && m.ClassId is { } c && openClasses.ContainsKey(c))
            .GroupBy(m => m.UserId)
            .ToDictionary(g => g.Key, g => openClasses[g.First().ClassId!.Value]);

        var links = await db.ParentLinks.AsNoTracking().Where(l => pupilIds.Contains(l.StudentId)).ToListAsync(ct);
        var parentIds = links.Select(l => l.RelativeId).ToHashSet();
        var everyone = pupilIds.Concat(parentIds).Concat(staffIds).ToList();
        var query = tracked ? db.Users : db.Users.AsNoTracking();
        var users = await query.Where(u => everyone.Contains(u.Id)).ToListAsync(ct);

        List<User> Sorted(HashSet<Guid> ids, Profile? profile) => [.. users
            .Where(u => ids.Contains(u.Id) && (profile is null || u.Profile == profile))
            .OrderBy(u => u.LastName, SheetWording.FrenchOrder).ThenBy(u => u.FirstName, SheetWording.FrenchOrder)];
        return new People(Sorted(pupilIds, Profile.Student), Sorted(parentIds, Profile.Relative), Sorted(staffIds, null), links, classOfPupil);
    }
}
