using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Performance;

/// <summary>
/// The home page costs a fixed number of SQL commands, whatever the size of the school: the
/// same for the demo city's small CE2 A as after 500 more pupils and 800 more parents join it.
/// </summary>
public abstract class QueryBudgetTests(PreauApp app)
{
    /// <summary>
    /// Measured: 6 commands for a teacher, a pupil, a director or an animator (session check,
    /// user, schools, classes, children, functions), 6 for a parent (classes are skipped, the
    /// children's classes are read instead). Counted with the session check, which a node makes
    /// on a person's first request and then every Security:Sessions:RecheckAfter. Then 2 for the
    /// "Quoi de neuf ?" section: its newest items and the unread count.
    /// </summary>
    private const int HomePageBudget = 8;

    private static readonly string[] People = [Personas.Claire, Personas.Lea, Personas.Sophie, Personas.Isabelle, Personas.Karim];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_home_page_costs_the_same_few_queries_for_a_small_school_and_a_crowded_one()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var login in People)
        {
            clients[login] = await app.SignedInClientAsync(login);
        }

        var small = new Dictionary<string, int>();
        foreach (var (login, client) in clients)
        {
            small[login] = await QueriesForHomeAsync(login, client);
        }

        await CrowdClaireClassAsync(pupils: 500, parents: 800);

        var crowded = new Dictionary<string, int>();
        foreach (var (login, client) in clients)
        {
            crowded[login] = await QueriesForHomeAsync(login, client);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", People.Select(p => $"{p}: {small[p]} then {crowded[p]}")));
        Assert.Equal(small, crowded);
        Assert.All(crowded, c => Assert.True(c.Value <= HomePageBudget, $"GET / for {c.Key} sent {c.Value} SQL commands; the budget is {HomePageBudget}."));
    }

    private async Task<int> QueriesForHomeAsync(string login, HttpClient client)
    {
        (await client.GetAsync("/", _ct)).EnsureSuccessStatusCode(); // warm-up: compiled queries, caches
        app.Queries.Reset();
        (await client.GetAsync("/", _ct)).EnsureSuccessStatusCode();
        var commands = app.Queries.Commands;
        TestContext.Current.TestOutputHelper?.WriteLine($"--- {login}: {commands.Count}\n" + string.Join("\n", commands.Select(c => c.ReplaceLineEndings(" "))));
        return commands.Count;
    }

    /// <summary>
    /// Adds pupils to CE2 A of Jules Ferry, and parents linked to them, through the directory's
    /// writer. Each family is linked first, then its members join the class and school profile
    /// groups directly: AddToClassAsync compiles an expression tree on every lookup (several
    /// milliseconds each on this machine), which would make 1,300 people take a minute.
    /// </summary>
    private async Task CrowdClaireClassAsync(int pupils, int parents)
    {
        var ce2 = await app.WithDbAsync(db => db.Classes.AsNoTracking().SingleAsync(c => c.Name == "CE2 A", _ct));
        var parentsLeft = parents;
        const int batch = 50;
        for (var start = 0; start < pupils; start += batch)
        {
            // One unit of work per batch, as an import would: the change tracker stays small.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
            var groups = await db.Groups
                .Where(g => g.Kind == GroupKind.Profile && g.StructureId == ce2.StructureId && (g.ClassId == ce2.Id || g.ClassId == null))
                .ToListAsync(_ct);
            for (var n = start; n < Math.Min(start + batch, pupils); n++)
            {
                var pupil = await writer.CreateUserAsync(new NewUser("Élève", $"Foule {n:D3}", Profile.Student), _ct);
                // Two parents for the first pupils, then one each.
                var count = Math.Min(parentsLeft, parentsLeft > pupils - n ? 2 : 1);
                var family = new List<User> { pupil };
                for (var p = 0; p < count; p++)
                {
                    var parent = await writer.CreateUserAsync(new NewUser(p == 0 ? "Parent" : "Tuteur", $"Foule {n:D3}", Profile.Relative), _ct);
                    await writer.LinkChildAsync(parent, pupil, _ct);
                    family.Add(parent);
                }

                parentsLeft -= count;
                foreach (var person in family)
                {
                    foreach (var group in groups.Where(g => g.Profile == person.Profile))
                    {
                        await writer.AddToGroupAsync(person, group, _ct);
                    }
                }
            }

            await db.SaveChangesAsync(_ct);
        }

        var members = await app.WithDbAsync(db => db.GroupMembers
            .Join(db.Groups.Where(g => g.ClassId == ce2.Id), m => m.GroupId, g => g.Id, (m, g) => g.Profile)
            .GroupBy(p => p).Select(g => new { Profile = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Profile!.Value, x => x.Count, _ct));
        Assert.True(members[Profile.Student] >= pupils, $"CE2 A has {members[Profile.Student]} pupils.");
        Assert.True(members[Profile.Relative] >= parents, $"CE2 A has {members[Profile.Relative]} parents.");
        Assert.True(parentsLeft == 0, $"{parentsLeft} parents were not placed.");
    }
}

/// <summary>
/// The demo city with the session check made on every request (a node's first look at a
/// session), so that the count includes it. Zero, not a short delay: a fast machine would
/// otherwise answer the measured request from the warm-up's cached check, and count one less.
/// </summary>
public class QueryBudgetApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:Sessions:RecheckAfter"] = "00:00:00",
    };
}

public sealed class SqliteQueryBudgetApp() : QueryBudgetApp(DatabaseKind.Sqlite);

public sealed class PostgresQueryBudgetApp() : QueryBudgetApp(DatabaseKind.Postgres);

public sealed class SqliteQueryBudgetTests(SqliteQueryBudgetApp app) : QueryBudgetTests(app), IClassFixture<SqliteQueryBudgetApp>;

public sealed class PostgresQueryBudgetTests(PostgresQueryBudgetApp app) : QueryBudgetTests(app), IClassFixture<PostgresQueryBudgetApp>;
