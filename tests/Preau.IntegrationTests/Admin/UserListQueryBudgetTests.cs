using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Performance;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>
/// The user list costs the same few SQL commands for the demo school and for one with 400 more
/// pupils and 400 more parents, on the page and in the API, with or without filters.
/// </summary>
public abstract class UserListQueryBudgetTests(PreauApp app)
{
    /// <summary>
    /// Measured: the session check and the signed-in person's context (6, as on the home page),
    /// then the list (count, page, the page's classes), the school and class choices of the
    /// filters, and one more to check a class filter; and the shell's unread count for the bell
    /// (one index-only query on every page).
    /// </summary>
    private const int PageBudget = 13;

    private const int ApiBudget = 10;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_user_list_costs_the_same_few_queries_for_a_small_school_and_a_crowded_one()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var ce2 = await app.ClassIdAsync("CE2 A", AdminData.JulesFerry);
        string[] paths =
        [
            "/admin/users",
            $"/admin/users?structure={julesFerry}&class={ce2}&profile=Relative&page=2",
            "/admin/users?q=d",
            $"/api/v1/admin/users?structureId={julesFerry}&state=PendingActivation&page=3",
            $"/api/v1/admin/users?classId={ce2}&q=l",
        ];

        var small = new List<int>();
        foreach (var path in paths)
        {
            small.Add(await QueriesAsync(client, path));
        }

        await CrowdAsync(ce2, 400);

        var crowded = new List<int>();
        foreach (var path in paths)
        {
            crowded.Add(await QueriesAsync(client, path));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", paths.Select((p, i) => $"{p}: {small[i]} then {crowded[i]}")));
        Assert.Equal(small, crowded);
        for (var i = 0; i < paths.Length; i++)
        {
            var budget = paths[i].StartsWith("/api", StringComparison.Ordinal) ? ApiBudget : PageBudget;
            Assert.True(crowded[i] <= budget, $"GET {paths[i]} sent {crowded[i]} SQL commands; the budget is {budget}.");
        }

        var crowdedPage = await client.GetStringAsync("/admin/users?q=foule", _ct);
        Assert.Contains("800 compte(s)", crowdedPage, StringComparison.Ordinal);
    }

    private async Task<int> QueriesAsync(HttpClient client, string path)
    {
        (await client.GetAsync(path, _ct)).EnsureSuccessStatusCode(); // warm-up
        app.Queries.Reset();
        (await client.GetAsync(path, _ct)).EnsureSuccessStatusCode();
        var commands = app.Queries.Commands;
        TestContext.Current.TestOutputHelper?.WriteLine($"--- {path}: {commands.Count}\n" + string.Join("\n", commands.Select(c => c.ReplaceLineEndings(" "))));
        return commands.Count;
    }

    /// <summary>Adds pupils "Foule" to the class and one parent each, joining the groups directly (see QueryBudgetTests).</summary>
    private async Task CrowdAsync(Guid classId, int families)
    {
        const int batch = 50;
        for (var start = 0; start < families; start += batch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
            var structureId = await db.Classes.Where(c => c.Id == classId).Select(c => c.StructureId).SingleAsync(_ct);
            var groups = await db.Groups
                .Where(g => g.Kind == GroupKind.Profile && g.StructureId == structureId && (g.ClassId == classId || g.ClassId == null))
                .ToListAsync(_ct);
            for (var n = start; n < Math.Min(start + batch, families); n++)
            {
                var pupil = await writer.CreateUserAsync(new NewUser("Élève", $"Foule {n:D3}", Profile.Student), _ct);
                var parent = await writer.CreateUserAsync(new NewUser("Parent", $"Foule {n:D3}", Profile.Relative), _ct);
                db.ParentLinks.Add(new ParentLink { RelativeId = parent.Id, StudentId = pupil.Id });
                foreach (var person in new[] { pupil, parent })
                {
                    foreach (var group in groups.Where(g => g.Profile == person.Profile))
                    {
                        await writer.AddToGroupAsync(person, group, _ct);
                    }
                }
            }

            await db.SaveChangesAsync(_ct);
        }
    }
}

public sealed class SqliteUserListQueryBudgetTests(SqliteQueryBudgetApp app) : UserListQueryBudgetTests(app), IClassFixture<SqliteQueryBudgetApp>;

public sealed class PostgresUserListQueryBudgetTests(PostgresQueryBudgetApp app) : UserListQueryBudgetTests(app), IClassFixture<PostgresQueryBudgetApp>;
