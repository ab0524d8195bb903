// Publishing one event to a whole big school with its parents, and reading the feed on a platform
// holding millions of notification rows, through the real FeedPublisher and FeedReader.
// Prints a Markdown report.
//
//   dotnet run --project bench/feed/FeedBench -c Release -- --provider Sqlite --data /tmp/bench --rows 3000000
//   dotnet run --project bench/feed/FeedBench -c Release -- --provider Postgres --connection "Host=…;Database=postgres;…"
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Preau.Bench.Visibility;
using Preau.Platform.Feed;

namespace Preau.Bench.Feed;

public static class FeedBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var provider = "Sqlite";
        string? connection = null;
        var data = Path.Combine(Path.GetTempPath(), "preau-feed-bench");
        var options = new GeneratorOptions();
        long rows = 10_000_000;
        int publish = 50, reads = 1000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--accounts" when i + 1 < args.Length: options = options with { Accounts = Number(args[++i]) }; break;
                case "--seed" when i + 1 < args.Length: options = options with { Seed = Number(args[++i]) }; break;
                case "--rows" when i + 1 < args.Length: rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--publish" when i + 1 < args.Length: publish = Number(args[++i]); break;
                case "--reads" when i + 1 < args.Length: reads = Number(args[++i]); break;
                default:
                    Console.Error.WriteLine("usage: FeedBench [--provider Sqlite|Postgres] [--connection CS] [--data FOLDER] [--accounts 100000] [--seed 2026] [--rows 10000000] [--publish 50] [--reads 1000]");
                    return 2;
            }
        }

        if (provider == "Postgres" && connection is null)
        {
            Console.Error.WriteLine("feed bench: --connection is required with --provider Postgres.");
            return 2;
        }

        connection = await BenchHost.FreshDatabaseAsync(provider, connection, data, "preau_feed_bench");
        var result = await RunAsync(provider, connection, data, options, rows, publish, reads, CancellationToken.None);
        Console.WriteLine(result);
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }

        return 0;
    }

    /// <summary>The whole run, as a Markdown section; the integration tests call it small.</summary>
    public static async Task<string> RunAsync(string provider, string connection, string data, GeneratorOptions options, long rows, int publish, int reads, CancellationToken ct)
    {
        var commands = new CommandCounter();
        using var host = await BenchHost.StartAsync(provider, connection, data, configure: services =>
        {
            services.AddFeedType(FeedMeasurements.BenchType);
            services.AddSingleton<IInterceptor>(commands);
        }, ct: ct);
        var platform = await new PlatformGenerator(host.Services, options).GenerateAsync(ct);
        var big = platform.Big;
        var report = new System.Text.StringBuilder();
        report.AppendLine(Invariant($"Generated in {platform.Elapsed.TotalSeconds:0.0} s (seed {options.Seed}): {platform.Accounts:N0} accounts in {platform.Schools.Count} structures; the big one, {big.Name}: {big.Pupils.Count():N0} pupils, {big.Parents.Count:N0} parents, {big.Teachers.Count + big.Personnel.Count} staff."));
        report.AppendLine();

        var measurements = new FeedMeasurements(host.Services, platform, commands);
        await measurements.PublishAsync(publish, ct);
        var fill = await measurements.FillAsync(rows, ct);
        report.AppendLine(Invariant($"Notification rows: {fill.Rows:N0} items of {fill.Events:N0} events, written in {fill.Elapsed.TotalSeconds:0} s (set statements, then ANALYZE)."));
        report.AppendLine();
        await measurements.ReadAsync(reads, options.Seed, ct);
        var plans = await measurements.PlansAsync(ct);
        report.AppendLine(measurements.Table());
        report.AppendLine();
        foreach (var check in measurements.Checks)
        {
            report.AppendLine("- " + check);
        }

        report.AppendLine();
        report.AppendLine(plans);
        report.AppendLine(Invariant($"Process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB."));
        return report.ToString();
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
