// The document space through its HTTP API on a real Kestrel host: upload and download of a large
// file against cp of the same file (MB/s, and the server's resident memory while it streams), on
// the file-system store and on an S3-compatible one; a folder of 5,000 documents listed page by
// page and the name search over 5,000 and 50,000, with the database's plans. Prints a Markdown report.
//
//   dotnet run --project bench/documents/DocumentsBench -c Release -- --provider Sqlite --data /tmp/bench [--s3 http://127.0.0.1:PORT]
//   dotnet run --project bench/documents/DocumentsBench -c Release -- --provider Postgres --connection "Host=…" --data /tmp/bench --no-transfer
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Preau.Bench.Visibility;
using Preau.Documents;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;

namespace Preau.Bench.Documents;

/// <summary>What one run does: the files to send, the folder to list, the space to search.</summary>
public sealed record DocumentsBenchOptions
{
    /// <summary>The sizes of the files sent and fetched back, in MB, smallest first; none: no transfer.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [50, 200];

    /// <summary>An S3-compatible endpoint (s3rver: bucket "preau", keys S3RVER) to measure the transfers on too.</summary>
    public string? S3 { get; init; }

    /// <summary>The documents of the listed folder; 0: no listing.</summary>
    public int Documents { get; init; } = 5_000;

    /// <summary>The documents of the owner's whole space for the second search (the folder's and more, in other folders).</summary>
    public int Space { get; init; } = 50_000;

    public int PageSize { get; init; } = 50;

    /// <summary>How many times each file is sent and fetched back (cp five times as many): the figures are medians.</summary>
    public int Rounds { get; init; } = 3;

    public int Samples { get; init; } = 200;
}

public static class DocumentsBenchProgram
{
    public const string Owner = "claire.martin";
    private const string Password = "preau-demo";

    public static async Task<int> Main(string[] args)
    {
        var provider = "Sqlite";
        string? connection = null;
        var data = Path.Combine(Path.GetTempPath(), "preau-documents-bench");
        var options = new DocumentsBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--s3" when i + 1 < args.Length: options = options with { S3 = args[++i] }; break;
                case "--sizes" when i + 1 < args.Length: options = options with { Sizes = [.. args[++i].Split(',').Select(Number).Order()] }; break;
                case "--no-transfer": options = options with { Sizes = [] }; break;
                case "--documents" when i + 1 < args.Length: options = options with { Documents = Number(args[++i]) }; break;
                case "--space" when i + 1 < args.Length: options = options with { Space = Number(args[++i]) }; break;
                case "--samples" when i + 1 < args.Length: options = options with { Samples = Number(args[++i]) }; break;
                case "--rounds" when i + 1 < args.Length: options = options with { Rounds = Number(args[++i]) }; break;
                default:
                    Console.Error.WriteLine("usage: DocumentsBench [--provider Sqlite|Postgres] [--connection CS] [--data FOLDER] [--s3 URL] [--sizes 50,200 | --no-transfer] [--documents 5000] [--space 50000] [--samples 200] [--rounds 3]");
                    return 2;
            }
        }

        if (provider == "Postgres" && connection is null)
        {
            Console.Error.WriteLine("documents bench: --connection is required with --provider Postgres.");
            return 2;
        }

        Console.WriteLine(await RunAsync(provider, connection, data, options, CancellationToken.None));
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }

        return 0;
    }

    /// <summary>
    /// The whole run, as a Markdown section; the integration tests call it small. <paramref name="server"/>
    /// is a PostgreSQL server where fresh databases may be created (null on SQLite).
    /// </summary>
    public static async Task<string> RunAsync(string provider, string? server, string data, DocumentsBenchOptions options, CancellationToken ct)
    {
        var report = new StringBuilder();
        if (options.Sizes.Count > 0)
        {
            var transfers = new List<Transfer>();
            await TransfersAsync("file system", provider, server, Path.Combine(data, "transfer-fs"), options, new Dictionary<string, string>(), transfers, ct);
            if (options.S3 is { } s3)
            {
                await TransfersAsync("S3 (s3rver)", provider, server, Path.Combine(data, "transfer-s3"), options, new Dictionary<string, string>
                {
                    ["Storage:Provider"] = "S3",
                    ["Storage:S3:ServiceUrl"] = s3,
                    ["Storage:S3:Bucket"] = "preau",
                    ["Storage:S3:AccessKey"] = "S3RVER",
                    ["Storage:S3:SecretKey"] = "S3RVER",
                }, transfers, ct);
            }

            report.AppendLine("### Upload and download of one file");
            report.AppendLine();
            report.AppendLine(TransferMeasurements.Table(transfers));
            foreach (var check in TransferChecks(transfers))
            {
                report.AppendLine("- " + check);
            }

            report.AppendLine();
        }

        if (options.Documents > 0)
        {
            report.AppendLine(await ListingAsync(provider, server, Path.Combine(data, "listing"), options, ct));
        }

        return report.ToString();
    }

    private static async Task TransfersAsync(string store, string provider, string? server, string data, DocumentsBenchOptions options,
        Dictionary<string, string> storage, List<Transfer> transfers, CancellationToken ct)
    {
        var connection = await BenchHost.FreshDatabaseAsync(provider, server, data, "preau_documents_transfer");
        await using var app = await AppServer.StartAsync(Settings(provider, connection, data, storage), ct);
        var (client, token) = await app.SignInAsync(Owner, Password, ct);
        using (client)
        {
            var measurements = new TransferMeasurements(app, client, token, Guid.Empty.ToString()) { Files = data };
            await measurements.WarmAsync(ct);
            foreach (var size in options.Sizes)
            {
                transfers.Add(await measurements.MeasureAsync(store, size, options.Rounds, ct));
            }
        }
    }

    /// <summary>What the transfers show: the bytes come back whole, the throughput beside cp's, memory flat whatever the size.</summary>
    private static IEnumerable<string> TransferChecks(List<Transfer> transfers)
    {
        foreach (var t in transfers.Where(t => !t.SameBytes))
        {
            yield return Invariant($"The {t.Megabytes} MB file downloaded from the {t.Store} store is NOT the one uploaded.");
        }

        if (transfers.All(t => t.SameBytes))
        {
            yield return "Every file downloaded is the one uploaded, byte for byte (SHA-256 of both files).";
        }

        foreach (var group in transfers.GroupBy(t => t.Store))
        {
            var small = group.First();
            var large = group.Last();
            var growth = Math.Max(large.UploadGrowth, large.DownloadGrowth);
            var smallGrowth = Math.Max(small.UploadGrowth, small.DownloadGrowth);
            var file = large.Megabytes * 1024L * 1024;
            yield return Invariant($"{group.Key}: the server's memory grew by at most {growth / 1048576.0:0.0} MB for the {large.Megabytes} MB file and {smallGrowth / 1048576.0:0.0} MB for the {small.Megabytes} MB one: ")
                + (growth < file / 4 ? "it does not follow the file's size (streamed, not buffered)." : "it GROWS with the file (buffered?).");
            var upload = large.UploadMBps / large.CpMBps;
            var durable = large.UploadMBps / large.CpSyncMBps;
            var download = large.DownloadMBps / large.CpMBps;
            yield return Invariant($"{group.Key}, {large.Megabytes} MB (medians of {large.Rounds} rounds): upload at {upload:0.00} × cp's throughput ({durable:0.00} × cp + fsync), download at {download:0.00} × (target at least 0.5 on the file system).");
        }
    }

    private static async Task<string> ListingAsync(string provider, string? server, string data, DocumentsBenchOptions options, CancellationToken ct)
    {
        var connection = await BenchHost.FreshDatabaseAsync(provider, server, data, "preau_documents_listing");
        await using var app = await AppServer.StartAsync(Settings(provider, connection, data, []), ct);
        var (client, _) = await app.SignInAsync(Owner, Password, ct);
        using var _client = client;
        var commands = new CommandLog();
        using var host = await BenchHost.StartAsync(provider, connection, Path.Combine(data, "bench-host"), false,
            services =>
            {
                services.AddDocuments(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
                services.AddSingleton<IInterceptor>(commands);
            }, ct);
        Guid owner;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            owner = await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Users.Where(u => u.Login == Owner).Select(u => u.Id).SingleAsync(ct);
        }

        var me = await ContextAsync(host.Services, owner, ct);
        var measurements = new ListingMeasurements(host.Services, commands, client, owner);
        var folder = await CreateFolderAsync(client, "Classeur", ct);
        var clock = Stopwatch.StartNew();
        await measurements.WriteAsync(folder, options.Documents, ct);
        var report = new StringBuilder();
        report.AppendLine("### A folder of " + Invariant($"{options.Documents:N0} documents, and the name search"));
        report.AppendLine();
        report.AppendLine(Invariant($"{options.Documents:N0} documents of {Owner} written into one folder in {clock.Elapsed.TotalSeconds:0.0} s; pages of {options.PageSize}, {options.Samples} samples a measure (after a warm-up), one after the other, each a GET through the API with the session cookie (JSON included)."));
        report.AppendLine();
        await measurements.ReferenceAsync(options.Samples, ct);
        await measurements.PagesAsync(folder, options.Documents, options.PageSize, options.Samples, ct);
        var plans = new StringBuilder();
        plans.Append(await measurements.PlansAsync(me, folder, options.Documents, options.PageSize, Invariant($"folder of {options.Documents:N0}"), false, ct));
        await measurements.SearchAsync(options.Samples, ct);
        plans.Append(await measurements.PlansAsync(me, folder, options.Documents, options.PageSize, Invariant($"space of {options.Documents:N0}"), true, ct));
        var more = options.Space - options.Documents;
        if (more > 0)
        {
            clock.Restart();
            for (var n = 1; more > 0; n++)
            {
                var count = Math.Min(1_000, more);
                await measurements.WriteAsync(await CreateFolderAsync(client, Invariant($"Classeur {n:D2}"), ct), count, ct);
                more -= count;
            }

            report.AppendLine(Invariant($"Then {options.Space - options.Documents:N0} more documents in folders of 1,000 ({clock.Elapsed.TotalSeconds:0.0} s): a space of {options.Space:N0} for the second search."));
            report.AppendLine();
            await measurements.SearchAsync(options.Samples, ct);
            plans.Append(await measurements.PlansAsync(me, folder, options.Documents, options.PageSize, Invariant($"space of {options.Space:N0}"), true, ct));
        }

        report.AppendLine(measurements.Table());
        report.AppendLine();
        foreach (var check in measurements.Checks)
        {
            report.AppendLine("- " + check);
        }

        report.AppendLine();
        report.AppendLine("The plans of the commands the real `ListFolder` sent (recorded with their parameters, explained as they ran):");
        report.AppendLine();
        report.Append(plans);
        return report.ToString();
    }

    private static async Task<Guid> CreateFolderAsync(HttpClient client, string name, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/documents/folders", UriKind.Relative), new { name }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the folder {name} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Preau.Platform.Kernel.UserContext> ContextAsync(IServiceProvider services, Guid user, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(user, ct)
            ?? throw new InvalidOperationException($"{Owner} has no context.");
    }

    /// <summary>The application's settings for a run: its database, a data folder, the demo city, quiet logs, room for the files.</summary>
    private static Dictionary<string, string> Settings(string provider, string connection, string data, Dictionary<string, string> storage)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection,
            ["Preau:DataPath"] = Path.Combine(data, "app"),
            ["Preau:SeedDemo"] = "true",
            ["Preau:LogFormat"] = "text",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Quota:Teacher"] = "100 GB",
            ["Documents:MaxFileBytes"] = "2147483648",
        };
        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
