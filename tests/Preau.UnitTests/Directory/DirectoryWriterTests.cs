using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;

namespace Preau.UnitTests.Directory;

public sealed class DirectoryWriterTests : IDisposable
{
    private static readonly Profile[] AllProfiles = Enum.GetValues<Profile>();

    private readonly InMemoryDirectory _directory = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_new_structure_gets_one_profile_group_per_profile()
    {
        Guid structureId;
        await using (var db = _directory.NewContext())
        {
            structureId = _directory.Writer(db).CreateStructure("  École Jules Ferry ", "0751235b", StructureType.Elementaire).Id;
            await db.SaveChangesAsync(_ct);
        }

        await using var read = _directory.NewContext();
        var structure = await read.Structures.SingleAsync(_ct);
        Assert.Equal(("École Jules Ferry", "0751235B"), (structure.Name, structure.Uai));
        var groups = await read.Groups.Where(g => g.StructureId == structureId).ToListAsync(_ct);
        Assert.Equal(AllProfiles, groups.Select(g => g.Profile!.Value).Order());
        Assert.All(groups, g =>
        {
            Assert.Equal(GroupKind.Profile, g.Kind);
            Assert.Null(g.ClassId);
        });
    }

    [Fact]
    public async Task A_new_class_gets_one_profile_group_per_profile_of_its_own()
    {
        Guid structureId, classId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            structureId = writer.CreateStructure("École Jules Ferry", "0751235B", StructureType.Elementaire).Id;
            classId = (await writer.CreateClassAsync(structureId, "CE2 A", ClassLevel.CE2, _ct)).Id;
            await db.SaveChangesAsync(_ct);
        }

        await using var read = _directory.NewContext();
        var classGroups = await read.Groups.Where(g => g.ClassId == classId).ToListAsync(_ct);
        Assert.Equal(AllProfiles, classGroups.Select(g => g.Profile!.Value).Order());
        Assert.All(classGroups, g => Assert.Equal((GroupKind.Profile, structureId), (g.Kind, g.StructureId)));
        // The structure keeps its own six, apart from the class's.
        Assert.Equal(AllProfiles.Length, await read.Groups.CountAsync(g => g.StructureId == structureId && g.ClassId == null, _ct));
    }

    [Fact]
    public async Task Joining_a_class_joins_its_structure_in_the_groups_of_ones_profile()
    {
        var school = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        Guid pupilId, teacherId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var pupil = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
            var teacher = await writer.CreateUserAsync(new NewUser("Claire", "Martin", Profile.Teacher), _ct);
            await writer.AddToClassAsync(pupil, school.Classes[0], _ct);
            await writer.AddToClassAsync(teacher, school.Classes[0], _ct);
            await db.SaveChangesAsync(_ct);
            (pupilId, teacherId) = (pupil.Id, teacher.Id);
        }

        Assert.Equal(
            [(school.Id, (Guid?)null, Profile.Student), (school.Id, school.Classes[0], Profile.Student)],
            Describe(await _directory.GroupsOfAsync(pupilId)));
        Assert.Equal(
            [(school.Id, (Guid?)null, Profile.Teacher), (school.Id, school.Classes[0], Profile.Teacher)],
            Describe(await _directory.GroupsOfAsync(teacherId)));
    }

    [Fact]
    public async Task Linking_a_parent_puts_them_in_the_relative_groups_of_the_childs_class_and_school()
    {
        var school = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        Guid parentId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var pupil = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
            await writer.AddToClassAsync(pupil, school.Classes[0], _ct);
            await db.SaveChangesAsync(_ct);
            // The parent arrives later, in another unit of work: the child's groups are read from the database.
            await using var later = _directory.NewContext();
            var parent = await _directory.Writer(later).CreateUserAsync(new NewUser("Sophie", "Dubois", Profile.Relative), _ct);
            await _directory.Writer(later).LinkChildAsync(parent, await later.Users.SingleAsync(u => u.Id == pupil.Id, _ct), _ct);
            await later.SaveChangesAsync(_ct);
            parentId = parent.Id;
        }

        Assert.Equal(
            [(school.Id, (Guid?)null, Profile.Relative), (school.Id, school.Classes[0], Profile.Relative)],
            Describe(await _directory.GroupsOfAsync(parentId)));
        await using var read = _directory.NewContext();
        Assert.Single(await read.ParentLinks.Where(l => l.RelativeId == parentId).ToListAsync(_ct));
    }

    [Fact]
    public async Task A_parent_of_children_in_two_schools_belongs_to_both()
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        var hugo = await SchoolAsync("Collège Victor Hugo", "0751236C", StructureType.College, ("5e B", ClassLevel.Cinquieme));
        Guid parentId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var lea = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
            var hugoPupil = await writer.CreateUserAsync(new NewUser("Hugo", "Dubois", Profile.Student), _ct);
            await writer.AddToClassAsync(lea, ferry.Classes[0], _ct);
            await writer.AddToClassAsync(hugoPupil, hugo.Classes[0], _ct);
            var sophie = await writer.CreateUserAsync(new NewUser("Sophie", "Dubois", Profile.Relative), _ct);
            await writer.LinkChildAsync(sophie, lea, _ct);
            await writer.LinkChildAsync(sophie, hugoPupil, _ct);
            await db.SaveChangesAsync(_ct);
            parentId = sophie.Id;
        }

        Assert.Equal(
            Sorted([
                (ferry.Id, null, Profile.Relative), (ferry.Id, ferry.Classes[0], Profile.Relative),
                (hugo.Id, null, Profile.Relative), (hugo.Id, hugo.Classes[0], Profile.Relative),
            ]),
            Describe(await _directory.GroupsOfAsync(parentId)));
    }

    [Fact]
    public async Task A_parent_follows_one_child_enrolled_in_two_schools()
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CM2 A", ClassLevel.CM2));
        var other = await SchoolAsync("École primaire Voltaire", "0751237D", StructureType.Primaire, ("CM2 Voltaire", ClassLevel.CM2));
        Guid parentId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var pupil = await writer.CreateUserAsync(new NewUser("Tom", "Roux", Profile.Student), _ct);
            await writer.AddToClassAsync(pupil, ferry.Classes[0], _ct);
            await writer.AddToClassAsync(pupil, other.Classes[0], _ct);
            var parent = await writer.CreateUserAsync(new NewUser("Karine", "Roux", Profile.Relative), _ct);
            await writer.LinkChildAsync(parent, pupil, _ct);
            await db.SaveChangesAsync(_ct);
            parentId = parent.Id;
        }

        Assert.Equal(
            Sorted([
                (ferry.Id, null, Profile.Relative), (ferry.Id, ferry.Classes[0], Profile.Relative),
                (other.Id, null, Profile.Relative), (other.Id, other.Classes[0], Profile.Relative),
            ]),
            Describe(await _directory.GroupsOfAsync(parentId)));
    }

    [Fact]
    public async Task A_linked_parent_follows_their_child_into_a_new_class()
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        Guid parentId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var pupil = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
            var parent = await writer.CreateUserAsync(new NewUser("Sophie", "Dubois", Profile.Relative), _ct);
            await writer.LinkChildAsync(parent, pupil, _ct);
            await db.SaveChangesAsync(_ct);
            parentId = parent.Id;
            Assert.Empty(await _directory.GroupsOfAsync(parentId));

            await using var later = _directory.NewContext();
            await _directory.Writer(later).AddToClassAsync(await later.Users.SingleAsync(u => u.Id == pupil.Id, _ct), ferry.Classes[0], _ct);
            await later.SaveChangesAsync(_ct);
        }

        Assert.Equal(
            [(ferry.Id, (Guid?)null, Profile.Relative), (ferry.Id, ferry.Classes[0], Profile.Relative)],
            Describe(await _directory.GroupsOfAsync(parentId)));
    }

    [Fact]
    public async Task Linking_twice_changes_nothing()
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        Guid parentId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var pupil = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
            await writer.AddToClassAsync(pupil, ferry.Classes[0], _ct);
            var parent = await writer.CreateUserAsync(new NewUser("Sophie", "Dubois", Profile.Relative), _ct);
            await writer.LinkChildAsync(parent, pupil, _ct);
            await writer.LinkChildAsync(parent, pupil, _ct);
            await db.SaveChangesAsync(_ct);
            await writer.LinkChildAsync(parent, pupil, _ct);
            await db.SaveChangesAsync(_ct);
            parentId = parent.Id;
        }

        await using var read = _directory.NewContext();
        Assert.Equal(1, await read.ParentLinks.CountAsync(_ct));
        Assert.Equal(2, (await _directory.GroupsOfAsync(parentId)).Count);
    }

    [Fact]
    public async Task Only_a_relative_can_be_linked_to_a_pupil()
    {
        await using var db = _directory.NewContext();
        var writer = _directory.Writer(db);
        var pupil = await writer.CreateUserAsync(new NewUser("Léa", "Dubois", Profile.Student), _ct);
        var teacher = await writer.CreateUserAsync(new NewUser("Claire", "Martin", Profile.Teacher), _ct);
        var parent = await writer.CreateUserAsync(new NewUser("Sophie", "Dubois", Profile.Relative), _ct);

        await Assert.ThrowsAsync<DirectoryException>(() => writer.LinkChildAsync(teacher, pupil, _ct));
        await Assert.ThrowsAsync<DirectoryException>(() => writer.LinkChildAsync(parent, teacher, _ct));
        Assert.Empty(db.ParentLinks.Local);
    }

    [Theory]
    [InlineData(StructureType.Maternelle, ClassLevel.CP)]
    [InlineData(StructureType.Elementaire, ClassLevel.GS)]
    [InlineData(StructureType.Elementaire, ClassLevel.Sixieme)]
    [InlineData(StructureType.College, ClassLevel.CM2)]
    [InlineData(StructureType.College, ClassLevel.Seconde)]
    [InlineData(StructureType.Lycee, ClassLevel.Troisieme)]
    public async Task A_class_level_the_structure_cannot_hold_is_refused(StructureType type, ClassLevel level)
    {
        await using var db = _directory.NewContext();
        var writer = _directory.Writer(db);
        var structure = writer.CreateStructure("Établissement", "0759999Z", type);

        await Assert.ThrowsAsync<DirectoryException>(() => writer.CreateClassAsync(structure.Id, "Classe", level, _ct));
        Assert.Empty(db.Classes.Local);
        Assert.DoesNotContain(db.Groups.Local, g => g.ClassId is not null);
    }

    [Fact]
    public async Task A_class_in_an_unknown_structure_is_refused()
    {
        await using var db = _directory.NewContext();

        await Assert.ThrowsAsync<DirectoryException>(() => _directory.Writer(db).CreateClassAsync(Guid.NewGuid(), "CE2 A", ClassLevel.CE2, _ct));
    }

    [Fact]
    public async Task Homonyms_get_numbered_logins_across_saved_and_staged_people()
    {
        await using (var db = _directory.NewContext())
        {
            await _directory.Writer(db).CreateUserAsync(new NewUser("Claire", "Martin", Profile.Teacher), _ct);
            await db.SaveChangesAsync(_ct);
        }

        await using var next = _directory.NewContext();
        var writer = _directory.Writer(next);
        var second = await writer.CreateUserAsync(new NewUser("Claire", "Martin", Profile.Relative, Email: " Claire.Martin@Example.FR "), _ct);
        var third = await writer.CreateUserAsync(new NewUser("Clairé", "Martin", Profile.Student), _ct);

        Assert.Equal(("claire.martin1", "claire.martin2"), (second.Login, third.Login));
        Assert.Equal("claire.martin@example.fr", second.Email);
        Assert.All(new[] { second, third }, u => Assert.Equal(AccountState.PendingActivation, u.State));
    }

    public static TheoryData<Function, bool, bool> InvalidScopes => new()
    {
        { Function.SuperAdmin, true, false },
        { Function.SuperAdmin, false, true },
        { Function.LocalAdmin, false, false },
        { Function.LocalAdmin, true, true },
        { Function.LocalAdmin, false, true },
        { Function.ClassAdmin, false, false },
        { Function.ClassAdmin, true, false },
        { (Function)99, false, false },
    };

    [Theory]
    [MemberData(nameof(InvalidScopes))]
    public async Task A_function_outside_its_scope_is_refused(Function function, bool withStructure, bool withClass)
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        await using var db = _directory.NewContext();
        var writer = _directory.Writer(db);
        var person = await writer.CreateUserAsync(new NewUser("Isabelle", "Moreau", Profile.Personnel), _ct);

        Assert.Throws<DirectoryException>(() =>
            writer.Grant(person, function, withStructure ? ferry.Id : null, withClass ? ferry.Classes[0] : null));
        Assert.Empty(db.FunctionGrants.Local);
    }

    [Fact]
    public async Task Functions_within_their_scope_are_granted()
    {
        var ferry = await SchoolAsync("École Jules Ferry", "0751235B", StructureType.Elementaire, ("CE2 A", ClassLevel.CE2));
        Guid adminId, directorId, teacherId;
        await using (var db = _directory.NewContext())
        {
            var writer = _directory.Writer(db);
            var admin = await writer.CreateUserAsync(new NewUser("Admin", "Préau", Profile.Personnel), _ct);
            var director = await writer.CreateUserAsync(new NewUser("Isabelle", "Moreau", Profile.Personnel), _ct);
            var teacher = await writer.CreateUserAsync(new NewUser("Claire", "Martin", Profile.Teacher), _ct);
            writer.Grant(admin, Function.SuperAdmin);
            writer.Grant(director, Function.LocalAdmin, ferry.Id);
            writer.Grant(teacher, Function.ClassAdmin, classId: ferry.Classes[0]);
            await db.SaveChangesAsync(_ct);
            (adminId, directorId, teacherId) = (admin.Id, director.Id, teacher.Id);
        }

        await using var read = _directory.NewContext();
        var grants = await read.FunctionGrants.ToListAsync(_ct);
        Assert.Equal(3, grants.Count);
        Assert.Contains(grants, g => g is { Function: Function.SuperAdmin, StructureId: null, ClassId: null } && g.UserId == adminId);
        Assert.Contains(grants, g => g is { Function: Function.LocalAdmin, ClassId: null } && g.StructureId == ferry.Id && g.UserId == directorId);
        Assert.Contains(grants, g => g.Function == Function.ClassAdmin && g.ClassId == ferry.Classes[0] && g.UserId == teacherId);
    }

    private sealed record School(Guid Id, IReadOnlyList<Guid> Classes);

    private async Task<School> SchoolAsync(string name, string uai, StructureType type, params (string Name, ClassLevel Level)[] classes)
    {
        await using var db = _directory.NewContext();
        var writer = _directory.Writer(db);
        var structure = writer.CreateStructure(name, uai, type);
        var ids = new List<Guid>();
        foreach (var (className, level) in classes)
        {
            ids.Add((await writer.CreateClassAsync(structure.Id, className, level, _ct)).Id);
        }

        await db.SaveChangesAsync(_ct);
        return new School(structure.Id, ids);
    }

    private static List<(Guid Structure, Guid? Class, Profile Profile)> Describe(IEnumerable<Group> groups)
    {
        Assert.All(groups, g => Assert.Equal(GroupKind.Profile, g.Kind));
        return Sorted(groups.Select(g => (g.StructureId, g.ClassId, g.Profile!.Value)));
    }

    private static List<(Guid Structure, Guid? Class, Profile Profile)> Sorted(IEnumerable<(Guid, Guid?, Profile)> groups) =>
        [.. groups.OrderBy(g => g.Item1).ThenBy(g => g.Item2.HasValue).ThenBy(g => g.Item2).ThenBy(g => g.Item3)];
}
