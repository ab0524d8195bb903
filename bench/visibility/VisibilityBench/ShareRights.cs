using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Bench.Visibility;

/// <summary>
/// The worksheets of the bench: a shareable type as a module declares one, with its owners in
/// memory (the bench's resources have no table of their own).
/// </summary>
public sealed class BenchWorksheets : IShareResolver
{
    public const string Type = "bench.worksheet";

    public static Dictionary<Guid, Guid> Owners { get; } = [];

    public Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        Task.FromResult(Owners.TryGetValue(resourceId, out var owner) ? new ShareableResource("Fiche", owner) : null);
}

/// <summary>
/// The share-right check of the acceptance: a worksheet shared with a class's pupils (read),
/// one with a teaching group (contrib) and one with thirty people (read); a pupil of the class,
/// a parent (who holds nothing) and a teacher ask whether they may read or contribute, warm
/// (their groups in memory: one query on the shares' key) and cold (groups read first).
/// </summary>
public sealed partial class Measurements
{
    public async Task ShareRightsAsync(IReadOnlyList<Subject> subjects, CancellationToken ct)
    {
        var big = platform.Big;
        var pupil = subjects.Single(s => s.Label == "pupil");
        var parent = subjects.Single(s => s.Label == "parent");
        var teacher = subjects.Single(s => s.Label == "teacher");
        var pupilClass = big.Classes.First(c => c.Pupils.Contains(pupil.Id));
        var teachingGroup = big.TeachingGroups.First(g => g.Pupils.Contains(pupil.Id));
        var owner = pupilClass.Teachers[0] == teacher.Id && pupilClass.Teachers.Count > 1 ? pupilClass.Teachers[1] : pupilClass.Teachers[0];
        var (forClass, forGroup, forPeople) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var id in new[] { forClass, forGroup, forPeople })
        {
            BenchWorksheets.Owners[id] = owner;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var classPupils = await db.Groups.Where(g => g.ClassId == pupilClass.Id && g.Kind == GroupKind.Profile && g.Profile == Profile.Student)
                .Select(g => g.Id).SingleAsync(ct);
            var now = TimeProvider.System.GetUtcNow();
            Share Row(Guid resource, PrincipalKind kind, Guid principal, int rights) => new()
            {
                ResourceType = BenchWorksheets.Type, ResourceId = resource, PrincipalKind = kind, PrincipalId = principal, Rights = rights,
                CreatedAt = now, CreatedBy = owner,
            };

            var type = scope.ServiceProvider.GetRequiredService<ShareableTypes>().Find(BenchWorksheets.Type)!;
            var read = type.BitOf("read")!.Value;
            var contrib = type.BitOf("contrib")!.Value | read;
            db.Set<Share>().Add(Row(forClass, PrincipalKind.Group, classPupils, read));
            db.Set<Share>().Add(Row(forGroup, PrincipalKind.Group, teachingGroup.Id, contrib));
            db.Set<Share>().AddRange(big.Pupils.Where(p => p != pupil.Id).Take(29).Append(teacher.Id).Select(p => Row(forPeople, PrincipalKind.User, p, read)));
            await db.SaveChangesAsync(ct);
        }

        var checks = new (string Label, Subject Who, Guid Resource, string Right, bool Expected)[]
        {
            ("read, shared with their class", pupil, forClass, "read", true),
            ("contrib, shared with their teaching group", pupil, forGroup, "contrib", true),
            ("read, not shared with them", parent, forClass, "read", false),
            ("read, shared with them among 30 people", teacher, forPeople, "read", true),
        };
        foreach (var check in checks)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var held = await scope.ServiceProvider.GetRequiredService<Shares>().HasRightAsync(check.Who.Id, BenchWorksheets.Type, check.Resource, check.Right, ct: ct);
                if (held != check.Expected)
                {
                    throw new InvalidOperationException($"Share-right check '{check.Label}' for the {check.Who.Label} answered {held}, expected {check.Expected}.");
                }
            }

            var note = check.Label + (check.Expected ? " (allowed, as expected)" : " (refused, as expected)");
            await MeasureWithAsync("share-right check, warm", check.Who.Label, warmSamples, null,
                sp => sp.GetRequiredService<Shares>().HasRightAsync(check.Who.Id, BenchWorksheets.Type, check.Resource, check.Right, ct: ct), note, ct);
            await MeasureWithAsync("share-right check, cold (cache forgotten)", check.Who.Label, coldSamples, _cache.ForgetAll,
                sp => sp.GetRequiredService<Shares>().HasRightAsync(check.Who.Id, BenchWorksheets.Type, check.Resource, check.Right, ct: ct), note, ct);
        }
    }

    private async Task MeasureWithAsync<T>(string measure, string subject, int samples, Action? before, Func<IServiceProvider, Task<T>> call, string note, CancellationToken ct)
    {
        // Warm-up: the JIT, the context pool, the prepared statements; and the cache, for warm measures.
        for (var i = 0; i < Math.Min(20, samples); i++)
        {
            before?.Invoke();
            await using var scope = services.CreateAsyncScope();
            await call(scope.ServiceProvider);
        }

        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            before?.Invoke();
            await using var scope = services.CreateAsyncScope();
            var start = Stopwatch.GetTimestamp();
            await call(scope.ServiceProvider);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        _rows.Add(new Row(measure, subject, samples, Percentile(times, 0.50), Percentile(times, 0.99), times[^1], times.Average(), note));
    }
}
