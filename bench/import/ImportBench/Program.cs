// Imports a generated 2,000-pupil + 3,500-parent file into a fresh école of a fresh database,
// through the provisioning module's own use cases (upload, preview, apply as the background
// worker runs it), then imports it again (nothing to change). Prints one Markdown table row per
// step: wall time, allocations, GC, and the process's peak working set.
//
//   dotnet run --project bench/import/ImportBench -c Release -- --provider Sqlite --data /tmp/bench
//   dotnet run --project bench/import/ImportBench -c Release -- --provider Postgres --connection "Host=…;Database=postgres;…"
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preau.Bench.Import;
using Preau.Platform.Directory.Features;
using Preau.Platform.Hosting;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;

var provider = "Sqlite";
string? connection = null;
var data = Path.Combine(Path.GetTempPath(), "preau-import-bench");
int pupils = 2000, parents = 3500, seed = 2026;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
        case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "--pupils" when i + 1 < args.Length: pupils = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--parents" when i + 1 < args.Length: parents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine("usage: ImportBench [--provider Sqlite|Postgres] [--connection CS] [--data FOLDER] [--pupils 2000] [--parents 3500] [--seed 2026]");
            return 2;
    }
}

// A database of its own: a fresh SQLite file, or a fresh PostgreSQL database on the given server.
Directory.CreateDirectory(data);
string? benchDatabase = null;
if (provider == "Postgres")
{
    if (connection is null)
    {
        Console.Error.WriteLine("import bench: --connection is required with --provider Postgres.");
        return 2;
    }

    benchDatabase = "preau_import_bench_" + TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    await using (var admin = new NpgsqlConnection(connection))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {benchDatabase}", admin);
        await create.ExecuteNonQueryAsync();
    }

    connection = new NpgsqlConnectionStringBuilder(connection) { Database = benchDatabase }.ConnectionString;
}
else
{
    connection = $"Data Source={Path.Combine(data, "bench.db")}";
    foreach (var file in Directory.GetFiles(data, "bench.db*"))
    {
        File.Delete(file);
    }
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider,
    ["Database:ConnectionString"] = connection,
    ["Preau:DataPath"] = data,
});
builder.Logging.ClearProviders();
builder.Services.AddPreauPlatform(builder.Configuration, typeof(ProvisioningModule).Assembly);
builder.Services.AddProvisioning(builder.Configuration);
using var host = builder.Build();
await DatabaseMigrator.MigrateAsync(host.Services);

var content = FileGenerator.Pupils(seed, pupils, parents);
Guid structureId;
await using (var scope = host.Services.CreateAsyncScope())
{
    var structure = scope.ServiceProvider.GetRequiredService<DirectoryWriter>().CreateStructure("École élémentaire du banc d'essai", "0999999Z", StructureType.Primaire);
    await scope.ServiceProvider.GetRequiredService<PreauDbContext>().SaveChangesAsync();
    structureId = structure.Id;
}

var operator_ = new UserContext(Guid.CreateVersion7(), "bench", "Banc", "Essai", "Banc d'essai", Profile.Personnel, [], [], [],
    [new FunctionRef(Function.SuperAdmin, null, null)], DisplayPreferences.Default);

Console.WriteLine($"| step | wall | allocated | GC gen0/1/2 | GC pause | result |");
Console.WriteLine($"|---|---|---|---|---|---|");
for (var round = 1; round <= 2; round++)
{
    var label = round == 1 ? "first import" : "same file again";
    Guid importId = default;
    await StepAsync($"{label}: upload and read", async services =>
    {
        var result = await services.GetRequiredService<UploadImport>().HandleAsync(operator_, structureId, ImportKind.Pupils, "bench.csv", new MemoryStream(content), content.Length, CancellationToken.None);
        importId = ((UploadImport.Result.Uploaded)result).Run.Id;
        return $"{((UploadImport.Result.Uploaded)result).Run.DataLines} lines";
    });
    await StepAsync($"{label}: preview", async services =>
    {
        var preview = (await services.GetRequiredService<PreviewImport>().HandleAsync(operator_, structureId, importId, CancellationToken.None))!;
        var c = preview.Counts;

        return $"{c.Created} to create, {c.Updated} to update, {c.ClassesCreated} classes, {c.Rejected} rejected, nothing to change: {preview.NothingToChange}";
    });
    await StepAsync($"{label}: apply", async services =>
    {
        await services.GetRequiredService<StartImport>().HandleAsync(operator_, structureId, importId, detachAbsent: true, CancellationToken.None);
        var state = await services.GetRequiredService<RunImport>().HandleAsync(importId, CancellationToken.None);
        var run = await services.GetRequiredService<PreauDbContext>().Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == importId);
        return $"{state}: {run.Created} created, {run.Updated} updated, {run.ClassesCreated} classes, {run.LinksAdded} links";
    });
}

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
    var accounts = await db.Users.CountAsync(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId)));
    var memberships = await db.GroupMembers.CountAsync(m => db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId));
    Console.WriteLine();
    Console.WriteLine($"accounts in the school: {accounts}; group memberships: {memberships}; file: {content.Length / 1024} KB");
    Console.WriteLine($"process peak working set: {Environment.WorkingSet / 1048576} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB peak; GC heap peak (committed): {GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes / 1048576} MB; total allocated: {GC.GetTotalAllocatedBytes() / 1048576} MB");
}

if (benchDatabase is not null)
{
    NpgsqlConnection.ClearAllPools();
}

return 0;

async Task StepAsync(string name, Func<IServiceProvider, Task<string>> step)
{
    await using var scope = host.Services.CreateAsyncScope();
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var pause = GC.GetTotalPauseDuration();
    var watch = Stopwatch.StartNew();
    var result = await step(scope.ServiceProvider);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {watch.Elapsed.TotalSeconds:0.00} s | {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0} MB | {GC.CollectionCount(0) - gc.Item1}/{GC.CollectionCount(1) - gc.Item2}/{GC.CollectionCount(2) - gc.Item3} | {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms | {result} |"));
}
