// The homework benchmark's data and query plans, on PostgreSQL.
//
//   HomeworkSeed database --connection CS --name NAME    creates (or re-creates) database NAME; prints its connection string
//   HomeworkSeed drop --connection CS --name NAME        drops it
//   HomeworkSeed seed --connection CS --data DIR [--accounts 200000] [--rows 2000000] [--done-rate 0.3] [--seed 2026] --password P
//   HomeworkSeed explain --connection CS --data DIR --pupil ID --parent ID
//
// "seed" migrates the fresh database, generates the visibility benchmark's city through the
// directory's own writer (PlatformGenerator), writes the cahiers de textes (HomeworkWriter: binary
// COPY), then makes the measured pupil and parent able to sign in (Personas). It prints key=value
// lines for run.sh. "explain" runs the real ToDo use case for both, records the commands it sent
// and has PostgreSQL explain each of them with its own parameters (Plans).
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Preau.Homework;
using Preau.Bench.Homework;
using Preau.Bench.Visibility;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
if (args.Length == 0)
{
    return Usage();
}

for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return Usage();
    }

    options[args[i][2..]] = args[++i];
}

if (!options.TryGetValue("connection", out var connection))
{
    return Usage();
}

int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string Required(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

switch (args[0])
{
    case "database":
    case "drop":
    {
        var name = options.GetValueOrDefault("name") ?? "";
        if (name.Length is 0 or > 60 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
        {
            Console.Error.WriteLine("homeworkseed: --name must be lower-case letters, digits and underscores.");
            return 2;
        }

        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            if (args[0] == "database")
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        if (args[0] == "database")
        {
            Console.WriteLine(new NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString);
        }

        return 0;
    }

    case "seed":
    {
        var clock = Stopwatch.StartNew();
        var generator = new GeneratorOptions { Accounts = Option("accounts", 200_000), Seed = Option("seed", 2026) };
        var doneRate = options.TryGetValue("done-rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 0.3;
        using var host = await BenchHost.StartAsync("Postgres", connection, Required("data"));
        var platform = await new PlatformGenerator(host.Services, generator).GenerateAsync();
        Print("accounts", platform.Accounts);
        Print("structures", platform.Schools.Count);
        Print("classes", platform.Schools.Sum(s => s.Classes.Count));
        Print("platform_seconds", platform.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));

        var written = await new HomeworkWriter(host.Services, platform, generator.Seed, doneRate).WriteAsync(Option("rows", 2_000_000));
        foreach (var (key, value) in written)
        {
            Print(key, value);
        }

        foreach (var (key, value) in await new Personas(host.Services, platform).PrepareAsync(Required("password")))
        {
            Print(key, value);
        }

        Print("seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        NpgsqlConnection.ClearAllPools();
        return 0;
    }

    case "explain":
    {
        var commands = new CommandLog();
        using var host = await BenchHost.StartAsync("Postgres", connection, Required("data"), false,
            services =>
            {
                // The module's use cases, as Preau.Web adds them.
                services.AddHomework();
                services.AddSingleton<IInterceptor>(commands);
            });
        Console.Write(await new Plans(host.Services, commands).ExplainAsync(Guid.Parse(Required("pupil")), Guid.Parse(Required("parent"))));
        NpgsqlConnection.ClearAllPools();
        return 0;
    }

    default:
        return Usage();
}

static void Print(string key, object value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));

static int Usage()
{
    Console.Error.WriteLine("usage: HomeworkSeed database|drop --connection CS --name NAME | HomeworkSeed seed --connection CS --data DIR --password P [--accounts N] [--rows N] [--done-rate R] [--seed N] | HomeworkSeed explain --connection CS --data DIR --pupil ID --parent ID");
    return 2;
}
