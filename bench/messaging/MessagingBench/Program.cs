// Sending to a class audience, opening the inbox of a person holding 20,000 messages, and sends
// per second from several teachers at once, through the messagerie's real use cases. Prints a
// Markdown report.
//
//   dotnet run --project bench/messaging/MessagingBench -c Release -- --provider Sqlite --data /tmp/bench
//   dotnet run --project bench/messaging/MessagingBench -c Release -- --provider Postgres --connection "Host=…;Database=postgres;…"
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Preau.Bench.Visibility;
using Preau.Messaging;

namespace Preau.Bench.Messaging;

/// <summary>What one run does: the platform, the mailbox to fill, the samples and the concurrent senders.</summary>
public sealed record MessagingBenchOptions
{
    // Classes of 28 pupils with about 51 parents: the class audience (28 pupils + 50 parents).
    public GeneratorOptions Platform { get; init; } = new() { BigPupils = 980, BigParents = 1_800, BigClasses = 35 };
    public int Mailbox { get; init; } = 20_000;
    public int Sends { get; init; } = 200;
    public int Reads { get; init; } = 1_000;
    public int Senders { get; init; } = 8;
    public int Seconds { get; init; } = 20;
    public int OtherPeople { get; init; } = 5_000;
}

public static class MessagingBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var provider = "Sqlite";
        string? connection = null;
        var data = Path.Combine(Path.GetTempPath(), "preau-messaging-bench");
        var options = new MessagingBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--accounts" when i + 1 < args.Length: options = options with { Platform = options.Platform with { Accounts = Number(args[++i]) } }; break;
                case "--seed" when i + 1 < args.Length: options = options with { Platform = options.Platform with { Seed = Number(args[++i]) } }; break;
                case "--mailbox" when i + 1 < args.Length: options = options with { Mailbox = Number(args[++i]) }; break;
                case "--sends" when i + 1 < args.Length: options = options with { Sends = Number(args[++i]) }; break;
                case "--reads" when i + 1 < args.Length: options = options with { Reads = Number(args[++i]) }; break;
                case "--senders" when i + 1 < args.Length: options = options with { Senders = Number(args[++i]) }; break;
                case "--seconds" when i + 1 < args.Length: options = options with { Seconds = Number(args[++i]) }; break;
                case "--others" when i + 1 < args.Length: options = options with { OtherPeople = Number(args[++i]) }; break;
                default:
                    Console.Error.WriteLine("usage: MessagingBench [--provider Sqlite|Postgres] [--connection CS] [--data FOLDER] [--accounts 100000] [--seed 2026] [--mailbox 20000] [--sends 200] [--reads 1000] [--senders 8] [--seconds 20] [--others 5000]");
                    return 2;
            }
        }

        if (provider == "Postgres" && connection is null)
        {
            Console.Error.WriteLine("messaging bench: --connection is required with --provider Postgres.");
            return 2;
        }

        connection = await BenchHost.FreshDatabaseAsync(provider, connection, data, "preau_messaging_bench");
        Console.WriteLine(await RunAsync(provider, connection, data, options, CancellationToken.None));
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }

        return 0;
    }

    /// <summary>The whole run, as a Markdown section; the integration tests call it small.</summary>
    public static async Task<string> RunAsync(string provider, string connection, string data, MessagingBenchOptions options, CancellationToken ct)
    {
        var commands = new CommandLog();
        using var host = await BenchHost.StartAsync(provider, connection, data, false, services =>
        {
            services.AddMessaging(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            // The rate limit (30 sends in 10 minutes) would stop a sender after 30 samples: lifted.
            // Quiet hours and switches are read as usual (no policy set); the mass-send watch keeps its thresholds.
            services.Configure<MessagingOptions>(o => o.SendsPerWindow = int.MaxValue);
            services.AddSingleton<IInterceptor>(commands);
        }, ct, typeof(MessagingModule).Assembly);
        var platform = await new PlatformGenerator(host.Services, options.Platform).GenerateAsync(ct);
        var big = platform.Big;
        var report = new System.Text.StringBuilder();
        report.AppendLine(Invariant($"Generated in {platform.Elapsed.TotalSeconds:0.0} s (seed {options.Platform.Seed}): {platform.Accounts:N0} accounts in {platform.Schools.Count} structures; the big one, {big.Name}: {big.Pupils.Count():N0} pupils in {big.Classes.Count} classes, {big.Parents.Count:N0} parents, {big.Teachers.Count + big.Personnel.Count} staff."));
        report.AppendLine();

        var measurements = new MessagingMeasurements(host.Services, platform, commands, options.Platform.Seed) { OtherPeople = options.OtherPeople };
        var fill = await measurements.FillMailboxAsync(options.Mailbox, ct);
        report.AppendLine(fill);
        report.AppendLine();
        await measurements.SendToClassAsync(options.Sends, ct);
        await measurements.OpenInboxAsync(options.Reads, ct);
        var plans = await measurements.PlansAsync(ct);
        var throughput = await measurements.ThroughputAsync(options.Senders, TimeSpan.FromSeconds(options.Seconds), ct);
        report.AppendLine(measurements.Table());
        report.AppendLine();
        report.AppendLine(throughput);
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
