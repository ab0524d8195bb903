using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;
using Preau.Web.Demo;

namespace Preau.IntegrationTests.Demo;

public abstract partial class DemoCityTests(PreauApp app)
{
    private const string JulesFerry = "École élémentaire Jules Ferry";
    private const string VictorHugo = "Collège Victor Hugo";
    private const string Coquelicots = "École maternelle Les Coquelicots";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_again_finds_the_city_and_changes_nothing()
    {
        var before = await CountsAsync();

        bool seeded;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            seeded = await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync(_ct);
        }

        Assert.False(seeded);
        Assert.Equal(before, await CountsAsync());
        Assert.True(before.Users > 200, $"Only {before.Users} people in the demo city.");
    }

    public static TheoryData<string, Profile> PersonaProfiles => new()
    {
        { Personas.Admin, Profile.Personnel },
        { Personas.Isabelle, Profile.Personnel },
        { Personas.Claire, Profile.Teacher },
        { Personas.Paul, Profile.Teacher },
        { Personas.Lea, Profile.Student },
        { Personas.Hugo, Profile.Student },
        { Personas.Sophie, Profile.Relative },
        { Personas.Nina, Profile.Student },
        { Personas.Marc, Profile.Relative },
        { Personas.Karim, Profile.Periscolaire },
    };

    [Theory]
    [MemberData(nameof(PersonaProfiles))]
    public async Task Each_persona_is_an_active_account_with_its_profile(string login, Profile profile)
    {
        var user = await app.UserAsync(login);

        Assert.Equal(profile, user.Profile);
        Assert.Equal(AccountState.Active, user.State);
        Assert.NotNull(user.PasswordHash);
    }

    [Fact]
    public async Task Everyone_but_the_personas_waits_for_activation()
    {
        var personas = PersonaProfiles.Select(p => p.Data.Item1).ToList();

        var active = await app.WithDbAsync(db => db.Users.Where(u => u.State != AccountState.PendingActivation || u.PasswordHash != null).Select(u => u.Login).ToListAsync(_ct));

        Assert.Equal(personas.Order(StringComparer.Ordinal), active.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_staff_personas_hold_their_schools_and_functions()
    {
        var julesFerry = await app.StructureAsync(JulesFerry);

        var isabelle = await ContextOfAsync(Personas.Isabelle);
        Assert.Equal([JulesFerry], isabelle.Structures.Select(s => s.Name));
        Assert.Equal([new FunctionRef(Function.LocalAdmin, julesFerry.Id, null)], isabelle.Functions);

        var claire = await ContextOfAsync(Personas.Claire);
        var ce2 = Assert.Single(claire.Classes);
        Assert.Equal(("CE2 A", ClassLevel.CE2, julesFerry.Id), (ce2.Name, ce2.Level, ce2.StructureId));
        Assert.Equal([new FunctionRef(Function.ClassAdmin, null, ce2.Id)], claire.Functions);

        var karim = await ContextOfAsync(Personas.Karim);
        Assert.Equal([JulesFerry], karim.Structures.Select(s => s.Name));
        Assert.Empty(karim.Functions);
        Assert.Contains("Étude du soir", await GroupNamesAsync(Personas.Karim, GroupKind.Manual));

        var paul = await ContextOfAsync(Personas.Paul);
        Assert.Equal([(VictorHugo, StructureType.College)], paul.Structures.Select(s => (s.Name, s.Type)));
        Assert.Equal(["5e B"], paul.Classes.Select(c => c.Name));
        Assert.Contains("5e B — Français", await GroupNamesAsync(Personas.Paul, GroupKind.Teaching));

        var admin = await ContextOfAsync(Personas.Admin);
        Assert.Equal([new FunctionRef(Function.SuperAdmin, null, null)], admin.Functions);
        Assert.Empty(admin.Structures);
    }

    [Fact]
    public async Task The_pupil_personas_are_in_their_classes()
    {
        var lea = await ContextOfAsync(Personas.Lea);
        Assert.Equal([(JulesFerry, "CE2 A")], lea.Classes.Select(c => (Name(lea, c.StructureId), c.Name)));

        var hugo = await ContextOfAsync(Personas.Hugo);
        Assert.Equal([(VictorHugo, "5e B")], hugo.Classes.Select(c => (Name(hugo, c.StructureId), c.Name)));
        Assert.Equal(["5e B — Français", "5e B — Mathématiques"], (await GroupNamesAsync(Personas.Hugo, GroupKind.Teaching)).Order(StringComparer.Ordinal));

        var nina = await ContextOfAsync(Personas.Nina);
        Assert.Equal([(Coquelicots, "MS Les Hérissons", ClassLevel.MS)], nina.Classes.Select(c => (Name(nina, c.StructureId), c.Name, c.Level)));
    }

    [Fact]
    public async Task The_parent_personas_are_linked_to_their_children()
    {
        var sophie = await ContextOfAsync(Personas.Sophie);
        Assert.Equal(["hugo.dubois", "lea.dubois"], await ChildrenLoginsAsync(Personas.Sophie));
        Assert.Equal([VictorHugo, JulesFerry], sophie.Structures.Select(s => s.Name).Order(StringComparer.Ordinal));

        var marc = await ContextOfAsync(Personas.Marc);
        Assert.Equal(["nina.petit"], await ChildrenLoginsAsync(Personas.Marc));
        Assert.Equal([Coquelicots], marc.Structures.Select(s => s.Name));
    }

    [Fact]
    public async Task Logins_are_unique_and_made_of_the_allowed_characters()
    {
        var logins = await app.WithDbAsync(db => db.Users.Select(u => u.Login).ToListAsync(_ct));

        Assert.Equal(logins.Count, logins.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(logins, login => Assert.Matches(LoginPattern(), login));
    }

    private async Task<UserContext> ContextOfAsync(string login)
    {
        var user = await app.UserAsync(login);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(user.Id, _ct)
            ?? throw new InvalidOperationException($"{login} has no context.");
    }

    private static string Name(UserContext user, Guid structureId) => user.Structures.Single(s => s.Id == structureId).Name;

    private Task<List<string>> GroupNamesAsync(string login, GroupKind kind) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Login == login)
            .Join(db.GroupMembers, u => u.Id, m => m.UserId, (u, m) => m.GroupId)
            .Join(db.Groups.Where(g => g.Kind == kind), id => id, g => g.Id, (id, g) => g.Name)
            .ToListAsync(_ct));

    private Task<List<string>> ChildrenLoginsAsync(string login) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Login == login)
            .Join(db.ParentLinks, u => u.Id, l => l.RelativeId, (u, l) => l.StudentId)
            .Join(db.Users, id => id, c => c.Id, (id, c) => c.Login)
            .OrderBy(l => l)
            .ToListAsync(_ct));

    private sealed record Counts(int Users, int Structures, int Classes, int Groups, int Members, int Links, int Grants);

    private Task<Counts> CountsAsync() => app.WithDbAsync(async (PreauDbContext db) => new Counts(
        await db.Users.CountAsync(_ct), await db.Structures.CountAsync(_ct), await db.Classes.CountAsync(_ct),
        await db.Groups.CountAsync(_ct), await db.GroupMembers.CountAsync(_ct), await db.ParentLinks.CountAsync(_ct),
        await db.FunctionGrants.CountAsync(_ct)));

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]
    private static partial Regex LoginPattern();
}

[Collection(SqliteCity.Name)]
public sealed class SqliteDemoCityTests(SqliteApp app) : DemoCityTests(app);

[Collection(PostgresCity.Name)]
public sealed class PostgresDemoCityTests(PostgresApp app) : DemoCityTests(app);
