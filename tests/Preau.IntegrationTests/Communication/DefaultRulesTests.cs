using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Communication;

/// <summary>
/// The default communication rules, as a table of (sender, receiver) → allowed over the demo
/// city, for the 1st degree (Jules Ferry, maternelle Les Coquelicots) and the 2nd (collège
/// Victor Hugo); and the visible set following the directory's changes at once.
/// </summary>
public abstract class DefaultRulesTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, bool> Table => new()
    {
        // Élémentaire: a pupil reaches the class and its teacher, no other pupil, no parent.
        { Personas.Lea, "ce2-pupil", true },
        { Personas.Lea, Personas.Claire, true },
        { Personas.Lea, "cp-pupil", false },
        { Personas.Lea, "cp-teacher", false },
        { Personas.Lea, Personas.Sophie, false },
        { Personas.Lea, "ce2-parent", false },
        { Personas.Lea, "cp-parent", false },
        { Personas.Lea, Personas.Isabelle, false },
        { Personas.Lea, Personas.Hugo, false },
        { Personas.Lea, Personas.Paul, false },

        // Teachers and staff reach everyone of their school, and no one of another.
        { Personas.Claire, "cp-pupil", true },
        { Personas.Claire, "cp-parent", true },
        { Personas.Claire, Personas.Sophie, true },
        { Personas.Claire, Personas.Isabelle, true },
        { Personas.Claire, Personas.Karim, true },
        { Personas.Claire, Personas.Paul, false },
        { Personas.Claire, Personas.Hugo, false },
        { Personas.Isabelle, Personas.Lea, true },
        { Personas.Isabelle, "ce2-parent", true },
        { Personas.Karim, Personas.Sophie, true },
        { Personas.Karim, "cp-pupil", true },

        // A parent reaches their children's teachers, the school staff and their children; no other family.
        { Personas.Sophie, Personas.Claire, true },
        { Personas.Sophie, Personas.Paul, true },
        { Personas.Sophie, "elodie.marchal", true },
        { Personas.Sophie, Personas.Isabelle, true },
        { Personas.Sophie, Personas.Karim, true },
        { Personas.Sophie, "cpe", true },
        { Personas.Sophie, Personas.Lea, true },
        { Personas.Sophie, Personas.Hugo, true },
        { Personas.Sophie, "cp-teacher", false },
        { Personas.Sophie, "ce2-parent", false },
        { Personas.Sophie, "5b-parent", false },
        { Personas.Sophie, "ce2-pupil", false },
        { Personas.Sophie, "5b-pupil", false },
        { "ce2-parent", Personas.Sophie, false },
        { "ce2-parent", Personas.Lea, false },
        { "ce2-parent", Personas.Claire, true },

        // Maternelle: pupils do not write; teachers and parents reach them.
        { Personas.Nina, "ms-pupil", false },
        { Personas.Nina, "ms-teacher", false },
        { Personas.Nina, Personas.Marc, false },
        { "ms-teacher", Personas.Nina, true },
        { Personas.Marc, "ms-teacher", true },
        { Personas.Marc, Personas.Nina, true },
        { Personas.Marc, "ms-parent", false },

        // Collège: a pupil also reaches the vie scolaire and their own parents.
        { Personas.Hugo, "5b-pupil", true },
        { Personas.Hugo, Personas.Paul, true },
        { Personas.Hugo, "cpe", true },
        { Personas.Hugo, Personas.Sophie, true },
        { Personas.Hugo, "6a-pupil", false },
        { Personas.Hugo, "5b-parent", false },
        { Personas.Hugo, Personas.Lea, false },
        { Personas.Paul, "6a-pupil", true },
        { Personas.Paul, "5b-parent", true },
        { Personas.Paul, Personas.Sophie, true },
        { "5b-parent", Personas.Paul, true },
        { "5b-parent", "cpe", true },
        { "5b-parent", Personas.Hugo, false },
        { "5b-parent", Personas.Sophie, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task The_default_rules_decide_who_reaches_whom(string sender, string receiver, bool allowed)
    {
        var from = await app.PersonAsync(sender);
        var to = await app.PersonAsync(receiver);

        Assert.Equal(allowed, await app.WithReachAsync(reach => reach.CanReachAsync(from, to, Ct)));

        // The annuaire's query says the same as the check.
        var listed = await app.WithReachAsync(async reach => await reach.VisibleUsers(await reach.VisibleSetAsync(from, Ct)).AnyAsync(u => u.Id == to, Ct));
        Assert.Equal(allowed, listed);
    }

    [Fact]
    public async Task Groups_are_addressed_as_a_whole_where_the_rules_open_them()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var ce2Pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var ce2Parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var cpPupils = await app.GroupAsync("CP A", Profile.Student);

        Assert.True(await app.WithReachAsync(r => r.CanAddressAsync(claire, ce2Pupils, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanAddressAsync(claire, ce2Parents, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanAddressAsync(claire, cpPupils, Ct)), "A structure's pupils group brings its classes' groups.");
        Assert.True(await app.WithReachAsync(r => r.CanAddressAsync(lea, ce2Pupils, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanAddressAsync(lea, ce2Parents, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanAddressAsync(lea, cpPupils, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanAddressAsync(sophie, ce2Parents, Ct)));
    }

    [Fact]
    public async Task A_pupil_moved_to_another_class_reaches_the_new_classmates_at_once_and_no_longer_the_old()
    {
        var pupil = await app.PersonAsync("ce2-pupil");
        var cpPupil = await app.PersonAsync("cp-pupil");
        var lea = await app.PersonAsync(Personas.Lea);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(pupil, lea, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(pupil, cpPupil, Ct)));

        await MoveAsync(pupil, "CP A");
        try
        {
            Assert.True(await app.WithReachAsync(r => r.CanReachAsync(pupil, cpPupil, Ct)));
            Assert.False(await app.WithReachAsync(r => r.CanReachAsync(pupil, lea, Ct)));
            Assert.False(await app.WithReachAsync(r => r.CanReachAsync(lea, pupil, Ct)));
        }
        finally
        {
            await MoveAsync(pupil, "CE2 A");
        }

        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(lea, pupil, Ct)));
    }

    [Fact]
    public async Task A_blocked_person_is_never_visible()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var pupil = await app.PersonAsync("cp-pupil");
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(claire, pupil, Ct)));

        await SetStateAsync(pupil, AccountState.Blocked);
        try
        {
            Assert.False(await app.WithReachAsync(r => r.CanReachAsync(claire, pupil, Ct)));
            var listed = await app.WithReachAsync(async r => await r.VisibleUsers(await r.VisibleSetAsync(claire, Ct)).AnyAsync(u => u.Id == pupil, Ct));
            Assert.False(listed);
            Assert.Empty((await app.WithReachAsync(r => r.VisibleSetAsync(pupil, Ct))).MemberGroups);
        }
        finally
        {
            await SetStateAsync(pupil, AccountState.PendingActivation);
        }

        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(claire, pupil, Ct)));
    }

    [Fact]
    public async Task A_hundred_recipients_are_sorted_in_one_call()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var inJulesFerry = await app.WithDbAsync(db => db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == null && db.Structures.Any(s => s.Id == g.StructureId && s.Uai == "0751235B")))
            .Select(m => m.UserId).Distinct().Where(id => id != claire).Take(80).ToListAsync(Ct));
        var elsewhere = await app.WithDbAsync(db => db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && db.Structures.Any(s => s.Id == g.StructureId && s.Uai == "0751236C"))
                && !db.ParentLinks.Any(l => l.RelativeId == m.UserId))
            .Select(m => m.UserId).Distinct().Take(20).ToListAsync(Ct));

        var verdict = await app.WithReachAsync(r => r.CheckAsync(claire, [.. inJulesFerry, .. elsewhere], [], Ct));

        Assert.Equal(inJulesFerry.Order(), verdict.AllowedUsers.Order());
        Assert.Equal(elsewhere.Order(), verdict.RefusedUsers.Order());
        Assert.False(verdict.AllAllowed);
    }

    [Fact]
    public async Task Every_structure_and_class_is_created_with_the_default_rules()
    {
        await app.WithDbAsync(async db =>
        {
            var structures = await db.Structures.Select(s => s.Id).ToListAsync(Ct);
            Assert.All(structures, s => Assert.True(db.Set<StructureReachRules>().Any(r => r.StructureId == s)));
            var ce2Pupils = await db.Groups.SingleAsync(g => g.Profile == Profile.Student && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A"), Ct);
            Assert.Equal(MemberReach.All, ce2Pupils.Members);
            var msPupils = await db.Groups.SingleAsync(g => g.Profile == Profile.Student && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "MS Les Hérissons"), Ct);
            Assert.Equal(MemberReach.Reachable, msPupils.Members);
            Assert.False(await db.Set<GroupLink>().AnyAsync(l => l.FromGroupId == msPupils.Id, Ct));
        });
    }

    private async Task MoveAsync(Guid pupil, string className)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Preau.Platform.Persistence.PreauDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
        var user = await db.Users.SingleAsync(u => u.Id == pupil, Ct);
        var classId = await db.Classes.Where(c => c.Name == className && db.Structures.Any(s => s.Id == c.StructureId && s.Uai == "0751235B")).Select(c => c.Id).SingleAsync(Ct);
        await writer.MoveToClassAsync(user, classId, Ct);
        await db.SaveChangesAsync(Ct);
    }

    private async Task SetStateAsync(Guid userId, AccountState state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Preau.Platform.Persistence.PreauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId, Ct);
        user.State = state;
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class SqliteDefaultRulesTests(SqliteApp app) : DefaultRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefaultRulesTests(PostgresApp app) : DefaultRulesTests(app), IClassFixture<PostgresApp>;
