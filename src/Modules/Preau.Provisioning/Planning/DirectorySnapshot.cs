using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Planning;

/// <summary>
/// A structure's part of the directory, loaded in a fixed number of queries whatever its size:
/// classes, groups, memberships, the people in them or detached from them, the parent links of
/// its pupils, and who holds an admin function there. The planner works on it in memory.
/// </summary>
public sealed class DirectorySnapshot
{
    public required Structure Structure { get; init; }
    public required IReadOnlyDictionary<Guid, SchoolClass> Classes { get; init; }
    public required IReadOnlyDictionary<Guid, Group> Groups { get; init; }
    public required IReadOnlyDictionary<Guid, User> People { get; init; }
    public required HashSet<(Guid UserId, Guid GroupId)> Memberships { get; init; }
    public required IReadOnlyList<ParentLink> Links { get; init; }
    public required IReadOnlyDictionary<Guid, Detachment> Detachments { get; init; }

    /// <summary>People whom no import detaches: the structure's LocalAdmins and the SuperAdmins.</summary>
    public required IReadOnlySet<Guid> Admins { get; init; }

    /// <summary>Parents of other schools, by email, so that a file does not duplicate a parent who already has an account.</summary>
    public required IReadOnlyDictionary<string, List<User>> RelativesByEmail { get; init; }

    private Dictionary<(Guid?, Profile), Group>? _profileGroups;
    private Dictionary<Guid, List<Guid>>? _groupsOfUser;

    public IEnumerable<SchoolClass> CurrentClasses =>
        Classes.Values.Where(c => c.SchoolYear == Structure.SchoolYear && c.ArchivedAt is null);

    public Group? ProfileGroup(Guid? classId, Profile profile)
    {
        _profileGroups ??= Groups.Values.Where(g => g.Kind == GroupKind.Profile && g.Profile is not null)
            .GroupBy(g => (g.ClassId, g.Profile!.Value)).ToDictionary(g => g.Key, g => g.First());
        return _profileGroups.GetValueOrDefault((classId, profile));
    }

    public IReadOnlyList<Guid> GroupsOf(Guid userId)
    {
        _groupsOfUser ??= Memberships.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Select(m => m.GroupId).ToList());
        return _groupsOfUser.TryGetValue(userId, out var groups) ? groups : [];
    }

    /// <summary>The current-year classes a person is in through their profile's class group.</summary>
    public IReadOnlyList<Guid> CurrentClassesOf(User user) =>
        [.. GroupsOf(user.Id).Select(id => Groups[id])
            .Where(g => g.Kind == GroupKind.Profile && g.ClassId is { } c && g.Profile == user.Profile && IsCurrent(c))
            .Select(g => g.ClassId!.Value).Distinct()];

    public bool IsCurrent(Guid classId) =>
        Classes.TryGetValue(classId, out var c) && c.SchoolYear == Structure.SchoolYear && c.ArchivedAt is null;

    /// <summary>People of these profiles who are in the structure now (in its profile group) and not detached.</summary>
    public IEnumerable<User> Members(params Profile[] profiles) =>
        People.Values.Where(u => profiles.Contains(u.Profile) && !Detachments.ContainsKey(u.Id)
            && ProfileGroup(null, u.Profile) is { } g && Memberships.Contains((u.Id, g.Id)));

    /// <summary>People of these profiles who belong here or were detached from here: the ones a file may match.</summary>
    public IEnumerable<User> Candidates(params Profile[] profiles) =>
        People.Values.Where(u => profiles.Contains(u.Profile)
            && (Detachments.ContainsKey(u.Id) || (ProfileGroup(null, u.Profile) is { } g && Memberships.Contains((u.Id, g.Id)))));

    public static async Task<DirectorySnapshot?> LoadAsync(PreauDbContext db, Guid structureId, bool track, CancellationToken ct)
    {
        var structures = track ? db.Structures : db.Structures.AsNoTracking();
        var structure = await structures.FirstOrDefaultAsync(s => s.Id == structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var classes = await db.Classes.AsNoTracking().Where(c => c.StructureId == structureId).ToDictionaryAsync(c => c.Id, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.StructureId == structureId).ToDictionaryAsync(g => g.Id, ct);
        var memberships = (await db.GroupMembers.AsNoTracking()
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId))
            .Select(m => new { m.UserId, m.GroupId }).ToListAsync(ct))
            .Select(m => (m.UserId, m.GroupId)).ToHashSet();
        var detachments = await db.Set<Detachment>().AsNoTracking().Where(d => d.StructureId == structureId).ToDictionaryAsync(d => d.UserId, ct);

        var users = track ? db.Users : db.Users.AsNoTracking();
        var people = await users
            .Where(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId))
                || db.Set<Detachment>().Any(d => d.UserId == u.Id && d.StructureId == structureId))
            .ToDictionaryAsync(u => u.Id, ct);
        var links = await db.ParentLinks.AsNoTracking()
            .Where(l => db.Users.Any(u => u.Id == l.StudentId && u.Profile == Profile.Student
                && (db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId))
                    || db.Set<Detachment>().Any(d => d.UserId == u.Id && d.StructureId == structureId))))
            .ToListAsync(ct);
        var missingRelatives = links.Select(l => l.RelativeId).Where(id => !people.ContainsKey(id)).Distinct().ToList();
        if (missingRelatives.Count > 0)
        {
            foreach (var user in await users.Where(u => missingRelatives.Contains(u.Id)).ToListAsync(ct))
            {
                people[user.Id] = user;
            }
        }

        var admins = (await db.FunctionGrants.AsNoTracking()
            .Where(f => f.Function == Function.SuperAdmin || (f.Function == Function.LocalAdmin && f.StructureId == structureId))
            .Select(f => f.UserId).ToListAsync(ct)).ToHashSet();

        return new DirectorySnapshot
        {
            Structure = structure,
            Classes = classes,
            Groups = groups,
            People = people,
            Memberships = memberships,
            Links = links,
            Detachments = detachments,
            Admins = admins,
            RelativesByEmail = new Dictionary<string, List<User>>(StringComparer.Ordinal),
        };
    }

    /// <summary>Adds the parents of other schools whose email a file names (one query per 500 addresses).</summary>
    public async Task<DirectorySnapshot> WithRelativesByEmailAsync(PreauDbContext db, IEnumerable<string> emails, bool track, CancellationToken ct)
    {
        var wanted = emails.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, List<User>>(StringComparer.Ordinal);
        var users = track ? db.Users : db.Users.AsNoTracking();
        foreach (var chunk in wanted.Chunk(500))
        {
            foreach (var user in await users.Where(u => u.Profile == Profile.Relative && u.Email != null && chunk.Contains(u.Email)).ToListAsync(ct))
            {
                // A tracked context hands back the instance the snapshot already holds.
                var known = People.GetValueOrDefault(user.Id) ?? user;
                if (!found.TryGetValue(user.Email!, out var list))
                {
                    found[user.Email!] = list = [];
                }

                list.Add(known);
            }
        }

        return new DirectorySnapshot
        {
            Structure = Structure, Classes = Classes, Groups = Groups, People = People, Memberships = Memberships,
            Links = Links, Detachments = Detachments, Admins = Admins, RelativesByEmail = found,
        };
    }
}
