using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Platform.Directory.Features;

/// <summary>
/// Writes the directory and keeps its invariants: every structure and class has one profile
/// group per profile; joining a class joins its structure; a parent joins the groups of their
/// children's classes and schools; every new structure, class and group gets the default
/// communication rules. Changes are staged on the context; the caller saves them.
/// </summary>
public sealed partial class DirectoryWriter(PreauDbContext db, TimeProvider clock, ActivationCodes codes)
{
    private static readonly Profile[] AllProfiles = Enum.GetValues<Profile>();

    public Structure CreateStructure(string name, string uai, StructureType type)
    {
        var structure = new Structure
        {
            Id = NewId(), Name = name.Trim(), Uai = uai.Trim().ToUpperInvariant(), Type = type, CreatedAt = Now,
            SchoolYear = SchoolYears.Of(Now),
        };
        db.Structures.Add(structure);
        var groups = AllProfiles.Select(profile => ProfileGroup(structure.Id, null, profile, structure.Name)).ToList();
        db.Groups.AddRange(groups);
        db.Set<GroupLink>().AddRange(DefaultRules.ApplyToStructure(structure, groups, Now));
        db.Set<StructureReachRules>().Add(DefaultRules.Direct(structure.Id, structure.Type, Now));
        return structure;
    }

    public async Task<SchoolClass> CreateClassAsync(Guid structureId, string name, ClassLevel level, CancellationToken ct = default)
    {
        var structure = await db.Structures.FindAsync([structureId], ct)
            ?? throw new DirectoryException($"Unknown structure {structureId}.");
        if (!structure.Type.Accepts(level))
        {
            throw new DirectoryException($"A {structure.Type} cannot hold a {level} class.");
        }

        return CreateClass(structure, name, level).Class;
    }

    /// <summary>
    /// A class of the structure's current school year with one group per profile, for a caller that
    /// has the structure and checked the level already (an import creating many classes at once).
    /// </summary>
    public (SchoolClass Class, IReadOnlyList<Group> Groups) CreateClass(Structure structure, string name, ClassLevel level, Guid? id = null)
    {
        var schoolClass = new SchoolClass
        {
            Id = id ?? NewId(), StructureId = structure.Id, Name = name.Trim(), Level = level, CreatedAt = Now,
            SchoolYear = structure.SchoolYear,
        };
        db.Classes.Add(schoolClass);
        var groups = AllProfiles.Select(profile => ProfileGroup(structure.Id, schoolClass.Id, profile, schoolClass.Name)).ToList();
        db.Groups.AddRange(groups);
        db.Set<GroupLink>().AddRange(DefaultRules.ApplyToClass(structure, schoolClass, groups, StructureGroups(structure.Id), Now));
        return (schoolClass, groups);
    }

    public async Task<User> CreateUserAsync(NewUser person, CancellationToken ct = default)
    {
        var baseLogin = LoginNames.Base(person.FirstName, person.LastName);
        var taken = await db.Users.Where(u => u.Login.StartsWith(baseLogin)).Select(u => u.Login).ToListAsync(ct);
        taken.AddRange(db.Users.Local.Select(u => u.Login).Where(l => l.StartsWith(baseLogin, StringComparison.Ordinal)));
        return CreateUser(person, LoginNames.FirstFree(baseLogin, taken));
    }

    /// <summary>
    /// Adds a person under a login the caller chose free (an import allocates the logins of a whole
    /// file in memory). The account waits for activation with a fresh code; whoever prints its
    /// sheet issues another.
    /// </summary>
    public User CreateUser(NewUser person, string login, Guid? id = null)
    {
        var user = new User
        {
            Id = id ?? NewId(),
            Login = login,
            FirstName = person.FirstName.Trim(),
            LastName = person.LastName.Trim(),
            DisplayName = $"{person.FirstName.Trim()} {person.LastName.Trim()}",
            Profile = person.Profile,
            Email = person.Email?.Trim().ToLowerInvariant(),
            Phone = person.Phone,
            BirthDate = person.BirthDate,
            ExternalId = person.ExternalId,
            State = AccountState.PendingActivation,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = Now,
        };
        codes.Issue(user);
        db.Users.Add(user);
        return user;
    }

    /// <summary>Puts the person in the structure's group for their profile.</summary>
    public async Task AddToStructureAsync(User user, Guid structureId, CancellationToken ct = default)
    {
        var group = await ProfileGroupAsync(structureId, null, user.Profile, ct);
        await JoinAsync(group.Id, user.Id, ct);
    }

    /// <summary>Puts the person in the class's group for their profile, and so in its structure.</summary>
    public async Task AddToClassAsync(User user, Guid classId, CancellationToken ct = default)
    {
        var schoolClass = await db.Classes.FindAsync([classId], ct)
            ?? throw new DirectoryException($"Unknown class {classId}.");
        await AddToStructureAsync(user, schoolClass.StructureId, ct);
        var group = await ProfileGroupAsync(schoolClass.StructureId, classId, user.Profile, ct);
        await JoinAsync(group.Id, user.Id, ct);
        foreach (var link in await ParentsOfAsync(user.Id, ct))
        {
            var parent = await db.Users.FindAsync([link], ct);
            if (parent is not null)
            {
                await AddToClassAsync(parent, classId, ct);
            }
        }
    }

    /// <summary>Links a relative to a pupil; the relative joins the groups of the pupil's classes and schools.</summary>
    public async Task LinkChildAsync(User relative, User student, CancellationToken ct = default)
    {
        if (relative.Profile != Profile.Relative || student.Profile != Profile.Student)
        {
            throw new DirectoryException("Only a relative can be linked to a pupil.");
        }

        var exists = db.ParentLinks.Local.Any(l => l.RelativeId == relative.Id && l.StudentId == student.Id)
            || await db.ParentLinks.AnyAsync(l => l.RelativeId == relative.Id && l.StudentId == student.Id, ct);
        if (!exists)
        {
            db.ParentLinks.Add(new ParentLink { RelativeId = relative.Id, StudentId = student.Id });
        }

        foreach (var classId in await ClassesOfAsync(student.Id, ct))
        {
            await AddToClassAsync(relative, classId, ct);
        }
    }

    public Group CreateGroup(Guid structureId, string name, GroupKind kind, Guid? classId = null)
    {
        if (kind == GroupKind.Profile)
        {
            throw new DirectoryException("Profile groups are kept by the directory itself.");
        }

        var group = new Group
        {
            Id = NewId(), Kind = kind, StructureId = structureId, ClassId = classId, Name = name.Trim(), CreatedAt = Now,
            Members = DefaultRules.ForOtherGroup(kind),
        };
        db.Groups.Add(group);
        return group;
    }

    public Task AddToGroupAsync(User user, Group group, CancellationToken ct = default) => JoinAsync(group.Id, user.Id, ct);

    public void Grant(User user, Function function, Guid? structureId = null, Guid? classId = null)
    {
        var valid = function switch
        {
            Function.SuperAdmin => structureId is null && classId is null,
            Function.LocalAdmin => structureId is not null && classId is null,
            Function.ClassAdmin => classId is not null,
            _ => false,
        };
        if (!valid)
        {
            throw new DirectoryException($"{function} does not apply to that scope.");
        }

        db.FunctionGrants.Add(new FunctionGrant { Id = NewId(), UserId = user.Id, Function = function, StructureId = structureId, ClassId = classId });
    }

    private Group ProfileGroup(Guid structureId, Guid? classId, Profile profile, string ownerName) => new()
    {
        Id = NewId(),
        Kind = GroupKind.Profile,
        StructureId = structureId,
        ClassId = classId,
        Profile = profile,
        Name = $"{ownerName} — {profile}",
        CreatedAt = Now,
    };

    /// <summary>
    /// The structure-level profile groups, tracked: a structure created in this unit of work has
    /// them in memory, and an import creating many classes loads them once.
    /// </summary>
    private List<Group> StructureGroups(Guid structureId)
    {
        bool Own(Group g) => g.StructureId == structureId && g.ClassId == null && g.Kind == GroupKind.Profile;
        var local = db.Groups.Local.Where(Own).ToList();
        if (local.Count >= AllProfiles.Length)
        {
            return local;
        }

        // Synchronous on purpose: CreateClass is called for a structure already loaded, and this
        // runs once per structure and unit of work.
        return [.. db.Groups.Where(g => g.StructureId == structureId && g.ClassId == null && g.Kind == GroupKind.Profile).ToList()];
    }

    private async Task<Group> ProfileGroupAsync(Guid structureId, Guid? classId, Profile profile, CancellationToken ct) =>
        db.Groups.Local.FirstOrDefault(g => g.Kind == GroupKind.Profile && g.StructureId == structureId && g.ClassId == classId && g.Profile == profile)
        ?? await db.Groups.FirstOrDefaultAsync(g => g.Kind == GroupKind.Profile && g.StructureId == structureId && g.ClassId == classId && g.Profile == profile, ct)
        ?? throw new DirectoryException($"No {profile} group in {(classId is null ? "structure " + structureId : "class " + classId)}.");

    private async Task JoinAsync(Guid groupId, Guid userId, CancellationToken ct)
    {
        var member = db.GroupMembers.Local.Any(m => m.GroupId == groupId && m.UserId == userId)
            || await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == userId, ct);
        if (!member)
        {
            db.GroupMembers.Add(new GroupMember { GroupId = groupId, UserId = userId, JoinedAt = Now });
        }
    }

    private async Task<List<Guid>> ClassesOfAsync(Guid userId, CancellationToken ct)
    {
        var groupIds = db.GroupMembers.Local.Where(m => m.UserId == userId).Select(m => m.GroupId)
            .Concat(await db.GroupMembers.Where(m => m.UserId == userId).Select(m => m.GroupId).ToListAsync(ct))
            .ToHashSet();
        var local = db.Groups.Local.Where(g => groupIds.Contains(g.Id) && g.Kind == GroupKind.Profile && g.ClassId != null).Select(g => g.ClassId!.Value);
        var stored = await db.Groups.Where(g => groupIds.Contains(g.Id) && g.Kind == GroupKind.Profile && g.ClassId != null).Select(g => g.ClassId!.Value).ToListAsync(ct);
        return local.Concat(stored).Distinct().ToList();
    }

    private async Task<List<Guid>> ParentsOfAsync(Guid studentId, CancellationToken ct) =>
        db.ParentLinks.Local.Where(l => l.StudentId == studentId).Select(l => l.RelativeId)
            .Concat(await db.ParentLinks.Where(l => l.StudentId == studentId).Select(l => l.RelativeId).ToListAsync(ct))
            .Distinct().ToList();


    private DateTimeOffset Now => clock.GetUtcNow();

    private Guid NewId() => Guid.CreateVersion7(clock.GetUtcNow());
}

public sealed record NewUser(string FirstName, string LastName, Profile Profile, string? Email = null, string? Phone = null, DateOnly? BirthDate = null, string? ExternalId = null);

/// <summary>A directory change that would break one of its rules.</summary>
public sealed class DirectoryException(string message) : Exception(message);
