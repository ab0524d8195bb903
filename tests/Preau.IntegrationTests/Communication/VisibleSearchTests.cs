using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Communication;

/// <summary>Searching the visible set: only people and groups the rules open, found by name, paged.</summary>
public abstract class VisibleSearchTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lea_lists_exactly_her_classmates_and_her_teacher()
    {
        var lea = await app.PersonAsync(Personas.Lea);
        var everyone = await SearchAsync(lea, new VisibleQuery(null, PageSize: 100));

        var classmates = await app.WithDbAsync(db => db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.Profile == Profile.Student && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A")))
            .Select(m => m.UserId).Where(id => id != lea).ToListAsync(Ct));
        var claire = await app.PersonAsync(Personas.Claire);
        Assert.Equal(classmates.Append(claire).Order(), everyone.Items.Select(p => p.Id).Order());
        Assert.Equal(classmates.Count + 1, everyone.Total);
        Assert.All(everyone.Items, p => Assert.Equal(["CE2 A"], p.Classes));
    }

    [Fact]
    public async Task A_name_finds_someone_reachable_and_no_one_out_of_reach()
    {
        var lea = await app.PersonAsync(Personas.Lea);
        var cpPupil = await app.UserAsync(await LoginAsync(await app.PersonAsync("cp-pupil")));

        var martin = await SearchAsync(lea, new VisibleQuery("mart"));
        Assert.Contains(martin.Items, p => p.DisplayName == "Claire Martin");
        Assert.Empty((await SearchAsync(lea, new VisibleQuery(cpPupil.LastName + " " + cpPupil.FirstName))).Items);

        var claire = await app.PersonAsync(Personas.Claire);
        Assert.Contains((await SearchAsync(claire, new VisibleQuery(cpPupil.LastName + " " + cpPupil.FirstName))).Items, p => p.Id == cpPupil.Id);
        Assert.Contains((await SearchAsync(claire, new VisibleQuery(cpPupil.Login))).Items, p => p.Id == cpPupil.Id);
    }

    [Fact]
    public async Task Filters_and_pages_narrow_the_list()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var cp = await app.WithDbAsync(db => db.Classes.Where(c => c.Name == "CP A").Select(c => c.Id).SingleAsync(Ct));

        var parentsOfCp = await SearchAsync(claire, new VisibleQuery(null, Profile.Relative, ClassId: cp, PageSize: 100));
        Assert.NotEmpty(parentsOfCp.Items);
        Assert.All(parentsOfCp.Items, p => Assert.Equal(Profile.Relative, p.Profile));

        var first = await SearchAsync(claire, new VisibleQuery(null, PageSize: 5));
        var second = await SearchAsync(claire, new VisibleQuery(null, Page: 2, PageSize: 5));
        Assert.Equal(5, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(second.Items.Select(p => p.Id)));
    }

    [Fact]
    public async Task Groups_are_named_for_people_and_limited_to_those_open()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);

        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<VisibleSearch>();
        var claireGroups = await search.GroupsAsync(claire, new VisibleQuery("ce2"), Ct);
        Assert.Contains(claireGroups.Items, g => g.Label == "Élèves de CE2 A" && g.Members > 0);
        Assert.Contains(claireGroups.Items, g => g.Label == "Parents de CE2 A");

        var sophieGroups = await search.GroupsAsync(sophie, new VisibleQuery(null, PageSize: 100), Ct);
        Assert.DoesNotContain(sophieGroups.Items, g => g.Profile is Profile.Relative or Profile.Student);
        Assert.Contains(sophieGroups.Items, g => g.Label == "Enseignants de CE2 A");
    }

    private async Task<VisibleResults<VisiblePerson>> SearchAsync(Guid userId, VisibleQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VisibleSearch>().PeopleAsync(userId, query, Ct);
    }

    private Task<string> LoginAsync(Guid id) => app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Login).SingleAsync(Ct));
}

public sealed class SqliteVisibleSearchTests(SqliteApp app) : VisibleSearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVisibleSearchTests(PostgresApp app) : VisibleSearchTests(app), IClassFixture<PostgresApp>;
