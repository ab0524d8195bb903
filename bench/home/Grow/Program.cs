// Grows École élémentaire Jules Ferry's CE2 A by N pupils, each with one parent, through the
// directory's own writer (the same invariants as an import: class and school groups, parent
// links, parents in their children's groups). Run it on the data folder of a stopped instance
// that has migrated and seeded the demo city.
//
//   dotnet run --project bench/home/Grow -c Release -- --data <data folder> --pupils 1000
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Features;
using Preau.Platform.Hosting;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

const string JulesFerryUai = "0751235B";
const string ClassName = "CE2 A";
const int Batch = 100;

string? dataPath = null;
var pupils = 1000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            dataPath = args[++i];
            break;
        case "--pupils" when i + 1 < args.Length:
            pupils = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"grow: unknown argument '{args[i]}'. Usage: --data <folder> [--pupils N]");
            return 2;
    }
}

if (dataPath is null || !File.Exists(Path.Combine(dataPath, "preau.db")))
{
    Console.Error.WriteLine("grow: --data must be the data folder of an instance that has started once (preau.db).");
    return 2;
}

var preau = new PreauOptions { DataPath = dataPath };
var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite };
var options = new DbContextOptionsBuilder<PreauDbContext>();
PersistenceServiceCollectionExtensions.ConfigureProvider(options, database, preau);

string[] firstNames = ["Emma", "Jade", "Louise", "Alice", "Chloé", "Gabriel", "Raphaël", "Léo", "Louis", "Arthur"];
string[] parentNames = ["Nathalie", "Stéphane", "Céline", "Julien", "Aurélie", "Nicolas", "Sandrine", "Karine"];
var clock = TimeProvider.System;
var codes = new ActivationCodes(new Codes(new SecretKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))), clock, Microsoft.Extensions.Options.Options.Create(new ActivationOptions()));
var watch = Stopwatch.StartNew();

Guid classId;
await using (var db = new PreauDbContext(options.Options))
{
    var found = await db.Classes
        .Where(c => c.Name == ClassName && db.Structures.Any(s => s.Id == c.StructureId && s.Uai == JulesFerryUai))
        .Select(c => (Guid?)c.Id)
        .FirstOrDefaultAsync();
    if (found is null)
    {
        Console.Error.WriteLine($"grow: no class '{ClassName}' in structure {JulesFerryUai}: start the app once with --Preau:SeedDemo=true.");
        return 1;
    }

    classId = found.Value;
}

var added = 0;
while (added < pupils)
{
    // One context per batch keeps the writer's look-ups in its change tracker short.
    await using var db = new PreauDbContext(options.Options);

    // The writer only adds entities, and reads its own staged rows through DbSet.Local; automatic
    // change detection would rescan the whole tracker on each of those reads (quadratic).
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var directory = new DirectoryWriter(db, clock, codes);
    await using var transaction = await db.Database.BeginTransactionAsync();
    var end = Math.Min(pupils, added + Batch);
    for (var i = added; i < end; i++)
    {
        var family = "Banc" + i.ToString(CultureInfo.InvariantCulture);
        var pupil = await directory.CreateUserAsync(new NewUser(firstNames[i % firstNames.Length], family, Profile.Student,
            BirthDate: new DateOnly(2018, 1 + (i % 12), 1 + (i % 28))));
        await directory.AddToClassAsync(pupil, classId);
        var parent = await directory.CreateUserAsync(new NewUser(parentNames[i % parentNames.Length], family, Profile.Relative));
        await directory.LinkChildAsync(parent, pupil);
    }

    await db.SaveChangesAsync();
    await transaction.CommitAsync();
    added = end;
    if (Environment.GetEnvironmentVariable("GROW_VERBOSE") is not null)
    {
        Console.WriteLine($"grow: {added} pupils at {watch.Elapsed.TotalSeconds:F1} s");
    }
}

Console.WriteLine($"grow: added {pupils} pupils and {pupils} parents to {ClassName} ({JulesFerryUai}) in {watch.Elapsed.TotalSeconds:F1} s.");
return 0;
