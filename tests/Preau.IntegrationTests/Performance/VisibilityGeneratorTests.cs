using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Preau.Bench.Visibility;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Performance;

/// <summary>
/// The visibility benchmark's generator at a tiny size (2,000 accounts): what it writes in bulk is
/// what the directory writer makes for the same schools (groups, their member flags, links, direct
/// rules, memberships, folded names), and the Reach service reads it as the product's own data.
/// </summary>
public abstract class VisibilityGeneratorTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly GeneratorOptions Tiny = new() { Accounts = 2_000, Seed = 7, BigPupils = 120, BigParents = 220, BigStaff = 30, BigClasses = 4 };

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("preau-visibility-").FullName;
    private TestDatabase _database = null!;
    private IHost _host = null!;
    private GeneratedPlatform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, _folder);
        _host = await BenchHost.StartAsync(_database.Provider.ToString(), _database.ConnectionString, _folder, ct: Ct);
        _platform = await new PlatformGenerator(_host.Services, Tiny).GenerateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Writes_the_accounts_asked_for_in_structures_of_every_kind()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();

        Assert.InRange(_platform.Accounts, Tiny.Accounts, Tiny.Accounts + 2_000);
        Assert.Equal(_platform.Accounts, await db.Users.CountAsync(Ct));
        Assert.Equal(_platform.Rows["dir_group_members"], await db.GroupMembers.CountAsync(Ct));
        Assert.Equal(_platform.Rows["dir_parent_links"], await db.ParentLinks.CountAsync(Ct));
        var big = _platform.Big;
        Assert.Equal((Tiny.BigPupils, Tiny.BigParents, Tiny.BigStaff), (big.Pupils.Count(), big.Parents.Count, big.Teachers.Count + big.Personnel.Count));
        Assert.Equal(StructureType.Lycee, big.Type);
        Assert.True(_platform.Schools.Count(s => !s.Big) >= 2);
    }

    [Fact]
    public async Task Each_school_has_the_groups_links_and_rules_the_directory_writer_gives_the_same_school()
    {
        foreach (var school in _platform.Schools)
        {
            var generated = await RulesShapeAsync(school.Id);
            var made = await RulesShapeAsync(await MakeLikeAsync(school));
            Assert.Equal(made.Groups, generated.Groups);
            Assert.Equal(made.Links, generated.Links);
            Assert.Equal(made.Direct, generated.Direct);
        }
    }

    [Fact]
    public async Task Pupils_and_parents_are_in_the_groups_the_directory_writer_puts_them_in()
    {
        // A pupil of an ordinary school with one parent who has no other child.
        var school = _platform.Schools.First(s => !s.Big);
        var schoolClass = school.Classes.First(c => c.Pupils.Any(OnlyChildOfOneParent));
        var pupil = schoolClass.Pupils.First(OnlyChildOfOneParent);
        var parent = _platform.ParentsOf[pupil][0];
        var teaching = school.TeachingGroups.Where(g => g.Pupils.Contains(pupil)).ToList();

        // The same family made by the writer in a school like this one.
        Guid madePupil, madeParent;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
            var structure = writer.CreateStructure("École témoin", "0000001T", school.Type);
            var (made, _) = writer.CreateClass(structure, "Témoin", schoolClass.Level);
            var groups = teaching.Select(g => writer.CreateGroup(structure.Id, g.Name, GroupKind.Teaching)).ToList();
            await db.SaveChangesAsync(Ct);
            var child = await writer.CreateUserAsync(new NewUser("Témoin", "Enfant", Profile.Student), Ct);
            var adult = await writer.CreateUserAsync(new NewUser("Témoin", "Parent", Profile.Relative), Ct);
            await writer.AddToClassAsync(child, made.Id, Ct);
            foreach (var group in groups)
            {
                await writer.AddToGroupAsync(child, group, Ct);
            }

            await writer.LinkChildAsync(adult, child, Ct);
            await db.SaveChangesAsync(Ct);
            (madePupil, madeParent) = (child.Id, adult.Id);
        }

        Assert.Equal(await MembershipShapeAsync(madePupil), await MembershipShapeAsync(pupil));
        Assert.Equal(await MembershipShapeAsync(madeParent), await MembershipShapeAsync(parent));

        bool OnlyChildOfOneParent(Guid p) => _platform.ParentsOf[p] is [var only] && _platform.ChildrenOf[only].Count == 1;
    }

    [Fact]
    public async Task Folded_names_are_those_the_save_interceptor_writes()
    {
        var someone = _platform.Big.Teachers[0];
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == someone, Ct);
        var twin = await scope.ServiceProvider.GetRequiredService<DirectoryWriter>().CreateUserAsync(new NewUser(person.FirstName, person.LastName, Profile.Teacher), Ct);
        await db.SaveChangesAsync(Ct);

        var folded = await db.Users.Where(u => u.Id == someone || u.Id == twin.Id)
            .Select(u => EF.Property<string>(u, UserSearchName.Property)).Distinct().ToListAsync(Ct);
        Assert.Equal([UserSearchName.Of(person.LastName, person.FirstName)], folded);
    }

    [Fact]
    public async Task A_generated_teacher_reaches_the_pupils_of_their_school_and_not_those_of_another()
    {
        var big = _platform.Big;
        var teacher = big.Teachers.First(t => !big.Blocked.Contains(t));
        var other = _platform.Schools.First(s => !s.Big);
        await using var scope = _host.Services.CreateAsyncScope();
        var reach = scope.ServiceProvider.GetRequiredService<Reach>();

        var own = big.Pupils.ToList();
        var verdict = await reach.CheckAsync(teacher, [.. own, .. other.Pupils], [], Ct);

        Assert.Equal(own.Where(p => !big.Blocked.Contains(p)).Order(), verdict.AllowedUsers.Order());
        Assert.Superset(other.Pupils.ToHashSet(), verdict.RefusedUsers.ToHashSet());
        Assert.True(await reach.CanAddressAsync(teacher, await ProfileGroupAsync(big.Classes[0].Id, Profile.Student), Ct));
        Assert.False(await reach.CanAddressAsync(teacher, await ProfileGroupAsync(other.Classes[0].Id, Profile.Student), Ct));
    }

    [Fact]
    public async Task A_generated_parent_reaches_their_childs_teachers_and_no_other_family()
    {
        var big = _platform.Big;
        var schoolClass = big.Classes[0];
        var child = schoolClass.Pupils.First(p => !big.Blocked.Contains(p));
        var parent = _platform.ParentsOf[child].First(p => !big.Blocked.Contains(p));
        var otherFamily = big.Classes[1].Pupils.SelectMany(p => _platform.ParentsOf[p]).First(p => !_platform.ChildrenOf[parent].Intersect(_platform.ChildrenOf[p]).Any());
        var otherTeacher = big.Teachers.First(t => !schoolClass.Teachers.Contains(t) && !_platform.ChildrenOf[parent].Any(c => big.Classes.Any(k => k.Pupils.Contains(c) && k.Teachers.Contains(t))));
        await using var scope = _host.Services.CreateAsyncScope();
        var reach = scope.ServiceProvider.GetRequiredService<Reach>();

        Assert.True(await reach.CanReachAsync(parent, schoolClass.Teachers.First(t => !big.Blocked.Contains(t)), Ct));
        Assert.True(await reach.CanReachAsync(parent, child, Ct));
        Assert.False(await reach.CanReachAsync(parent, otherFamily, Ct));
        Assert.False(await reach.CanReachAsync(parent, big.Classes[1].Pupils[0], Ct));
        Assert.False(await reach.CanReachAsync(parent, otherTeacher, Ct));
    }

    /// <summary>A structure made by the directory writer with the same type, classes (levels) and number of teaching groups.</summary>
    private async Task<Guid> MakeLikeAsync(GeneratedSchool school)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
        var structure = writer.CreateStructure("Témoin " + school.Name, "T" + Guid.NewGuid().ToString("N")[..7], school.Type);
        foreach (var (schoolClass, i) in school.Classes.Select((c, i) => (c, i)))
        {
            writer.CreateClass(structure, "Classe " + i, schoolClass.Level);
        }

        foreach (var group in school.TeachingGroups)
        {
            writer.CreateGroup(structure.Id, group.Name, GroupKind.Teaching);
        }

        await db.SaveChangesAsync(Ct);
        return structure.Id;
    }

    private sealed record RulesShape(List<string> Groups, List<string> Links, string Direct);

    /// <summary>A structure's rules with ids replaced by what each group is (kind, profile, class level).</summary>
    private async Task<RulesShape> RulesShapeAsync(Guid structureId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var groups = await db.Groups.AsNoTracking().Where(g => g.StructureId == structureId).ToListAsync(Ct);
        var levels = await db.Classes.AsNoTracking().Where(c => c.StructureId == structureId).ToDictionaryAsync(c => c.Id, c => c.Level, Ct);
        var names = groups.ToDictionary(g => g.Id, g => $"{g.Kind}/{g.Profile}/{(g.ClassId is { } c ? levels[c].ToString() : "-")}");
        var ids = groups.Select(g => g.Id).ToList();
        var links = await db.Set<GroupLink>().AsNoTracking().Where(l => ids.Contains(l.FromGroupId)).ToListAsync(Ct);
        var direct = await db.Set<StructureReachRules>().AsNoTracking().SingleAsync(r => r.StructureId == structureId, Ct);
        return new RulesShape(
            groups.Select(g => $"{names[g.Id]}:{g.Members}").Order(StringComparer.Ordinal).ToList(),
            links.Select(l => $"{names[l.FromGroupId]}→{names[l.ToGroupId]}").Order(StringComparer.Ordinal).ToList(),
            $"{direct.RelativesReachChildren}/{direct.ChildrenReachRelatives}");
    }

    /// <summary>A person's groups as what they are (kind, profile, in a class or not), and their parent links.</summary>
    private async Task<List<string>> MembershipShapeAsync(Guid userId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var groups = await db.GroupMembers.Where(m => m.UserId == userId).Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g)
            .Select(g => new { g.Kind, g.Profile, InClass = g.ClassId != null }).ToListAsync(Ct);
        var links = await db.ParentLinks.CountAsync(l => l.RelativeId == userId || l.StudentId == userId, Ct);
        return [.. groups.Select(g => $"{g.Kind}/{g.Profile}/{g.InClass}").Order(StringComparer.Ordinal), $"links:{links}"];
    }

    private async Task<Guid> ProfileGroupAsync(Guid classId, Profile profile)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Groups
            .Where(g => g.ClassId == classId && g.Profile == profile && g.Kind == GroupKind.Profile).Select(g => g.Id).SingleAsync(Ct);
    }
}

public sealed class SqliteVisibilityGeneratorTests() : VisibilityGeneratorTests(DatabaseKind.Sqlite);

public sealed class PostgresVisibilityGeneratorTests() : VisibilityGeneratorTests(DatabaseKind.Postgres);
