using Preau.Bench.Feed;
using Preau.Bench.Visibility;
using Preau.Testing;

namespace Preau.IntegrationTests.Performance;

/// <summary>
/// The feed benchmark at a tiny size: every publication writes exactly its audience's items (the
/// run throws otherwise), the filled table serves full pages to random people, and the unread
/// count stays an index-only query on both providers.
/// </summary>
public abstract class FeedBenchTests(DatabaseKind kind)
{
    private static readonly GeneratorOptions Tiny = new() { Accounts = 2_000, Seed = 11, BigPupils = 120, BigParents = 220, BigStaff = 30, BigClasses = 4 };

    [Fact]
    public async Task Runs_small_with_the_unread_count_on_its_index_and_few_commands_per_publication()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-feed-bench-").FullName;
        await using var database = await TestDatabase.CreateAsync(kind, folder);
        var report = await FeedBenchProgram.RunAsync(database.Provider.ToString(), database.ConnectionString, folder, Tiny,
            rows: 60_000, publish: 3, reads: 20, TestContext.Current.CancellationToken);

        // On tables this small PostgreSQL may prefer a bitmap scan to an index-only one; what holds
        // at every size is that the count is answered from the unread items' index, capped.
        Assert.True(report.Contains("The unread count is an index-only query", StringComparison.Ordinal)
            || report.Contains("The unread count reads the unread items' index", StringComparison.Ordinal), report);
        Assert.Contains("| publish to a whole school |", report, StringComparison.Ordinal);
        // The SQL commands of a publication do not grow with the audience: a few per call, not one per person.
        var commands = System.Text.RegularExpressions.Regex.Match(report, @"in (\d+) SQL commands against (\d+)");
        Assert.True(commands.Success, report);
        Assert.InRange(int.Parse(commands.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 12);
        Assert.Contains("| feed, first page (20 items) | random people | 20 |", report, StringComparison.Ordinal);
    }
}

public sealed class SqliteFeedBenchTests() : FeedBenchTests(DatabaseKind.Sqlite);

public sealed class PostgresFeedBenchTests() : FeedBenchTests(DatabaseKind.Postgres);
