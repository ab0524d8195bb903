using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Jobs;
using Preau.Testing;

namespace Preau.IntegrationTests.Jobs;

/// <summary>What the test handlers ran on one node: (job, node, attempt).</summary>
public sealed class JobLog
{
    public ConcurrentQueue<(long Id, string Node, int Attempt)> Runs { get; } = new();
}

/// <summary>Counts its runs, taking a little time, as a real job would.</summary>
internal sealed class CountingJob(JobLog log, JobWorkers workers) : IJobHandler
{
    public const string Kind = "tests.count";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        log.Runs.Enqueue((job.Id, workers.Node, job.Attempt));
    }
}

/// <summary>Fails every attempt, as a job whose remote server is down.</summary>
internal sealed class FailingJob(JobLog log, JobWorkers workers) : IJobHandler
{
    public const string Kind = "tests.fail";

    public Task RunAsync(JobContext job, CancellationToken ct)
    {
        log.Runs.Enqueue((job.Id, workers.Node, job.Attempt));
        throw new InvalidOperationException("Le serveur distant ne répond pas");
    }
}

/// <summary>
/// An application (a node) with the test job kinds; <paramref name="sharedDatabase"/> makes it a
/// second node over another node's database.
/// </summary>
public class JobApp(DatabaseKind kind, string? sharedDatabase = null) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Jobs:PollInterval"] = "00:00:00.100" };
            if (sharedDatabase is not null)
            {
                settings["Database:ConnectionString"] = sharedDatabase;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<JobLog>();
            services.AddJobHandler<CountingJob>(CountingJob.Kind);
            services.AddJobHandler<FailingJob>(FailingJob.Kind);
        });
    }
}

public sealed class SqliteJobApp() : JobApp(DatabaseKind.Sqlite);

public sealed class PostgresJobApp() : JobApp(DatabaseKind.Postgres);

internal static class JobData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<long?> EnqueueAsync(this PreauApp app, string kind, object? payload = null, DateTimeOffset? runAt = null, string? key = null, int? maxAttempts = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(kind, payload, runAt, key, maxAttempts, Ct);
    }

    public static Task<Job> JobAsync(this PreauApp app, long id) =>
        app.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == id, Ct));

    /// <summary>Waits (real time, up to 30 s) until the condition on the stored job holds.</summary>
    public static async Task<Job> WaitForJobAsync(this PreauApp app, long id, Func<Job, bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await app.JobAsync(id);
            if (condition(job))
            {
                return job;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"Job {id} never reached the expected state (it is {(await app.JobAsync(id)).State}).");
    }

    /// <summary>Waits until no job is running and none is due: everything enqueued so far has run.</summary>
    public static async Task JobsIdleAsync(this PreauApp app)
    {
        for (var i = 0; i < 300; i++)
        {
            var now = app.Clock.GetUtcNow();
            if (!await app.WithDbAsync(db => db.Set<Job>().AnyAsync(j => j.State == JobState.Running || (j.State == JobState.Pending && j.RunAt <= now), Ct)))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The job queue never became idle.");
    }
}
