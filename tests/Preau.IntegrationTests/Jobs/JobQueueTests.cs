using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Jobs;

namespace Preau.IntegrationTests.Jobs;

/// <summary>
/// The shared job queue: each job runs once even with two nodes draining it, a unique key stores
/// an occurrence once, a failing job is tried again with back-off then left dead with its error,
/// and a crashed node's job is taken again once its lease expired.
/// </summary>
public abstract class JobQueueTests(JobApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_drain_200_jobs_and_each_runs_exactly_once()
    {
        await using var second = new JobApp(app.Kind, app.Database.ConnectionString);
        await second.InitializeAsync();
        second.Clock.SetUtcNow(app.Clock.GetUtcNow());

        var ids = new List<long>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            for (var i = 0; i < 200; i++)
            {
                ids.Add((await queue.EnqueueAsync(CountingJob.Kind, new { n = i }, ct: Ct))!.Value);
            }
        }

        foreach (var id in ids)
        {
            await app.WaitForJobAsync(id, j => j.State == JobState.Done);
        }

        var runs = app.Services.GetRequiredService<JobLog>().Runs.Concat(second.Services.GetRequiredService<JobLog>().Runs)
            .Where(r => ids.Contains(r.Id)).ToList();
        Assert.Equal(200, runs.Count);
        Assert.Equal(ids.Order(), runs.Select(r => r.Id).Order());
        Assert.All(runs, r => Assert.Equal(1, r.Attempt));
        var nodes = runs.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, nodes.Count);
        Assert.Contains(second.Services.GetRequiredService<JobWorkers>().Node, nodes.Keys);

        // Both nodes enqueued the next digest occurrences: each is stored once.
        var digests = await app.WithDbAsync(db => db.Set<Job>().Where(j => j.Kind == "feed.digest.daily" && j.State == JobState.Pending)
            .Select(j => j.UniqueKey).ToListAsync(Ct));
        Assert.Single(digests);
    }

    [Fact]
    public async Task A_unique_key_stores_the_same_occurrence_once()
    {
        var key = "tests:once:" + Guid.NewGuid();
        var later = app.Clock.GetUtcNow().AddDays(1);

        var first = await app.EnqueueAsync(CountingJob.Kind, new { n = 1 }, later, key);
        var again = await app.EnqueueAsync(CountingJob.Kind, new { n = 2 }, later, key);
        var other = await app.EnqueueAsync(CountingJob.Kind, new { n = 3 }, later, key + ":other");

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(other);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.UniqueKey == key, Ct)));
        Assert.Contains("\"n\":1", (await app.JobAsync(first.Value)).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_job_is_tried_again_with_back_off_then_left_dead_with_its_error()
    {
        var id = (await app.EnqueueAsync(FailingJob.Kind, maxAttempts: 3))!.Value;

        var first = await app.WaitForJobAsync(id, j => j.Attempts == 1 && j.State == JobState.Pending);
        Assert.Equal(TimeSpan.FromSeconds(30), first.RunAt - app.Clock.GetUtcNow());
        Assert.Contains("Le serveur distant ne répond pas", first.LastError, StringComparison.Ordinal);

        // Not before its time.
        await Task.Delay(500, Ct);
        Assert.Equal(1, (await app.JobAsync(id)).Attempts);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await app.WaitForJobAsync(id, j => j.Attempts == 2 && j.State == JobState.Pending);
        Assert.Equal(TimeSpan.FromSeconds(60), second.RunAt - app.Clock.GetUtcNow());

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var dead = await app.WaitForJobAsync(id, j => j.State == JobState.Dead);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("InvalidOperationException: Le serveur distant ne répond pas", dead.LastError);
        Assert.NotNull(dead.CompletedAt);
        Assert.Null(dead.LockedBy);
        Assert.Equal(3, app.Services.GetRequiredService<JobLog>().Runs.Count(r => r.Id == id));
    }

    [Fact]
    public async Task A_crashed_node_s_job_is_taken_again_once_its_lease_expired()
    {
        // A node claimed the job, then died: the row stays running under its lease.
        var now = app.Clock.GetUtcNow();
        var id = await app.WithDbAsync(async db =>
        {
            var job = new Job
            {
                Kind = CountingJob.Kind,
                Payload = "{}",
                State = JobState.Running,
                RunAt = now,
                Attempts = 1,
                MaxAttempts = 5,
                LockedBy = "crashed-node",
                LockedUntil = now + TimeSpan.FromMinutes(5),
                CreatedAt = now,
            };
            db.Add(job);
            await db.SaveChangesAsync(Ct);
            return job.Id;
        });

        var workers = app.Services.GetRequiredService<JobWorkers>();
        while (await workers.RunNextAsync(Ct))
        {
            // Drains whatever else is due; the leased job is not.
        }

        var held = await app.JobAsync(id);
        Assert.Equal(JobState.Running, held.State);
        Assert.Equal("crashed-node", held.LockedBy);

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var done = await app.WaitForJobAsync(id, j => j.State == JobState.Done);
        Assert.Equal(2, done.Attempts);
        var run = Assert.Single(app.Services.GetRequiredService<JobLog>().Runs, r => r.Id == id);
        Assert.Equal(2, run.Attempt);
        Assert.Equal(workers.Node, run.Node);
    }

    [Fact]
    public async Task Finished_jobs_are_purged_after_a_week_and_dead_ones_after_a_month()
    {
        var done = (await app.EnqueueAsync(CountingJob.Kind))!.Value;
        await app.WaitForJobAsync(done, j => j.State == JobState.Done);
        var workers = app.Services.GetRequiredService<JobWorkers>();

        app.Clock.Advance(TimeSpan.FromDays(6));
        await workers.HousekeepOnceAsync(Ct);
        Assert.Equal(JobState.Done, (await app.JobAsync(done)).State);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await workers.HousekeepOnceAsync(Ct);
        Assert.False(await app.WithDbAsync(db => db.Set<Job>().AnyAsync(j => j.Id == done, Ct)));
    }
}

public sealed class SqliteJobQueueTests(SqliteJobApp app) : JobQueueTests(app), IClassFixture<SqliteJobApp>;

public sealed class PostgresJobQueueTests(PostgresJobApp app) : JobQueueTests(app), IClassFixture<PostgresJobApp>;
