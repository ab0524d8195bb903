// Generates a platform of 100,000 accounts around one big lycée (1,200 pupils, 2,200 parents,
// 120 staff), written in bulk, then measures the visible set (cold and warm) and the check of
// 100 recipients through the real Reach service. Prints a Markdown report.
//
//   dotnet run --project bench/visibility/VisibilityBench -c Release -- --provider Sqlite --data /tmp/bench
//   dotnet run --project bench/visibility/VisibilityBench -c Release -- --provider Postgres --connection "Host=…;Database=postgres;…"
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Preau.Bench.Visibility;

// A named entry point (not top-level statements): the integration tests reference this project
// beside Preau.Web, whose Program class is public.
internal static class VisibilityBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var provider = "Sqlite";
        string? connection = null;
        var data = Path.Combine(Path.GetTempPath(), "preau-visibility-bench");
        var options = new GeneratorOptions();
        int warm = 1000, cold = 200;
        var logSql = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--accounts" when i + 1 < args.Length: options = options with { Accounts = Number(args[++i]) }; break;
                case "--seed" when i + 1 < args.Length: options = options with { Seed = Number(args[++i]) }; break;
                case "--warm" when i + 1 < args.Length: warm = Number(args[++i]); break;
                case "--cold" when i + 1 < args.Length: cold = Number(args[++i]); break;
                case "--sql": logSql = true; break;
                default:
                    Console.Error.WriteLine("usage: VisibilityBench [--provider Sqlite|Postgres] [--connection CS] [--data FOLDER] [--accounts 100000] [--seed 2026] [--warm 1000] [--cold 200] [--sql]");
                    return 2;
            }
        }

        if (provider == "Postgres" && connection is null)
        {
            Console.Error.WriteLine("visibility bench: --connection is required with --provider Postgres.");
            return 2;
        }

        connection = await BenchHost.FreshDatabaseAsync(provider, connection, data, "preau_visibility_bench");

        using var host = await BenchHost.StartAsync(provider, connection, data, logSql);
        var platform = await new PlatformGenerator(host.Services, options).GenerateAsync();
        var big = platform.Big;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated in {platform.Elapsed.TotalSeconds:0.0} s (seed {options.Seed}): {platform.Accounts:N0} accounts in {platform.Schools.Count} structures; the big one, {big.Name}: {big.Pupils.Count():N0} pupils in {big.Classes.Count} classes, {big.Parents.Count:N0} parents, {big.Teachers.Count + big.Personnel.Count} staff, {big.TeachingGroups.Count} teaching groups."));
        Console.WriteLine();
        Console.WriteLine("rows: " + string.Join(", ", platform.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}"))));
        Console.WriteLine();

        var measurements = new Measurements(host.Services, platform, warm, cold);
        var subjects = measurements.Subjects();
        Console.WriteLine(await measurements.DescribeAsync(subjects, CancellationToken.None));
        var watch = Stopwatch.StartNew();
        await measurements.VisibleSetsAsync(subjects, CancellationToken.None);
        await measurements.RecipientChecksAsync(subjects, CancellationToken.None);
        await measurements.ShareRightsAsync(subjects, CancellationToken.None);
        Console.WriteLine(measurements.Table());
        Console.WriteLine();
        Console.WriteLine(measurements.Targets());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured in {watch.Elapsed.TotalSeconds:0} s; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB."));
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }

        return 0;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
