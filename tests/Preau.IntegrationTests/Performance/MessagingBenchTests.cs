using Preau.Bench.Messaging;
using Preau.Bench.Visibility;
using Preau.Testing;

namespace Preau.IntegrationTests.Performance;

/// <summary>
/// The messaging benchmark at a tiny size: every send reaches exactly its class (the run throws
/// otherwise), the filled mailbox opens on full pages with the right unread count, the folder's
/// page is one range of its index stopped by the LIMIT, the unread counts read the partial index
/// of unread entries, and a send costs the same few SQL commands whatever its audience.
/// </summary>
public abstract class MessagingBenchTests(DatabaseKind kind)
{
    private static readonly MessagingBenchOptions Tiny = new()
    {
        Platform = new GeneratorOptions { Accounts = 2_000, Seed = 11, BigPupils = 112, BigParents = 200, BigStaff = 30, BigClasses = 4 },
        Mailbox = 2_000, Sends = 3, Reads = 5, Senders = 2, Seconds = 1, OtherPeople = 200,
    };

    [Fact]
    public async Task Runs_small_with_the_page_on_one_index_range_and_the_counts_on_the_unread_index()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-messaging-bench-").FullName;
        await using var database = await TestDatabase.CreateAsync(kind, folder);
        var report = await MessagingBenchProgram.RunAsync(database.Provider.ToString(), database.ConnectionString, folder, Tiny, TestContext.Current.CancellationToken);

        Assert.Contains("The folder's page reads ix_msg_mailbox_folder as one range, newest first, stopped by the LIMIT (no sort).", report, StringComparison.Ordinal);
        // On tables this small PostgreSQL may visit the rows after the index; what holds at every
        // size is that the counts are answered from the unread entries' partial index.
        Assert.Contains("The unread counts read", report, StringComparison.Ordinal);
        Assert.DoesNotContain("do NOT use ix_msg_mailbox_unread", report, StringComparison.Ordinal);
        // Opening the inbox: the page, the unread counts, the drafts' and scheduled totals.
        Assert.Contains("| open the inbox (first page + unread counts) | 2,000-message mailbox | 5 |", report, StringComparison.Ordinal);
        Assert.Contains("| 3 SQL commands |", report, StringComparison.Ordinal);
        // A send to a class costs a bounded number of commands, as a send to one person does: not one per recipient.
        var commands = System.Text.RegularExpressions.Regex.Match(report, @"in ([\d/]+) SQL commands against ([\d/]+)");
        Assert.True(commands.Success, report);
        var toClass = commands.Groups[1].Value.Split('/').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).Max();
        var toOne = commands.Groups[2].Value.Split('/').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).Max();
        // On both databases: the inbox entries and the notification's audience are one statement each.
        Assert.InRange(toClass, 1, 30);
        Assert.InRange(toClass - toOne, 0, 5);
        Assert.Matches(@"\*\*\d[\d,]* messages sent, [\d.]+ sends/s\*\*", report);
    }
}

public sealed class SqliteMessagingBenchTests() : MessagingBenchTests(DatabaseKind.Sqlite);

public sealed class PostgresMessagingBenchTests() : MessagingBenchTests(DatabaseKind.Postgres);
