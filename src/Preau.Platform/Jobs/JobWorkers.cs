using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Persistence;

namespace Preau.Platform.Jobs;

/// <summary>
/// This node's workers: <see cref="JobOptions.Concurrency"/> loops that claim due jobs of the kinds
/// this node handles and run them, and one housekeeping loop that enqueues the next occurrence of
/// each recurring job and purges old finished jobs. Idle loops look again after a jittered
/// interval, or at once when a job is enqueued on this node. Due times follow the TimeProvider;
/// the polling cadence is wall-clock time.
/// </summary>
public sealed partial class JobWorkers(
    IServiceScopeFactory scopes,
    IEnumerable<JobHandlerRegistration> handlers,
    IEnumerable<RecurringJob> recurring,
    JobSignal signal,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<JobWorkers> logger) : BackgroundService
{
    private readonly Dictionary<string, Type> _handlers = handlers.GroupBy(h => h.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Handler, StringComparer.Ordinal);
    private readonly Dictionary<string, RecurringJob> _recurring = recurring.GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>This node's name in the lease ("host:pid:random"), unique per process and per host in the process.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Workers)
        {
            return;
        }

        var loops = Enumerable.Range(0, Math.Max(1, settings.Concurrency)).Select(_ => WorkAsync(stoppingToken)).ToList();
        loops.Add(HousekeepAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        // Start after the host is up (migrations ran), and not all nodes in step.
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(ct))
                {
                    var poll = options.Value.PollInterval;
                    await signal.WaitAsync(poll + (poll / 4 * Random.Shared.NextDouble()), ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away: wait a little and look again.
                LogLoopFailed(logger, e);
                try
                {
                    await Task.Delay(options.Value.PollInterval * 5, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and runs one due job; false when there was none. Public for tests and tools that drain the queue in step.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var settings = options.Value;
        ClaimedJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = new JobStore(scope.ServiceProvider.GetRequiredService<PreauDbContext>());
            job = await store.ClaimAsync(Node, [.. _handlers.Keys], clock.GetUtcNow(), settings.Lease, ct);
            if (job is null)
            {
                return false;
            }

            if (_recurring.TryGetValue(job.Kind, out var schedule))
            {
                // The following occurrence is enqueued as this one starts: the chain never breaks,
                // and an occurrence missed while every node was down still runs, late.
                await EnqueueNextAsync(scope.ServiceProvider.GetRequiredService<JobQueue>(), schedule, job.Read().At, ct);
            }
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileRunningAsync(job, running.Token);
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(_handlers[job.Kind]);
            await handler.RunAsync(new JobContext(job.Id, job.Kind, job.Payload, job.Attempt, job.MaxAttempts), running.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await running.CancelAsync();
            await renewing;
            await FinishAsync(store => store.ReleaseAsync(job, Node, CancellationToken.None));
            throw;
        }
        catch (Exception e)
        {
            failure = e;
        }

        await running.CancelAsync();
        await renewing;
        var now = clock.GetUtcNow();
        if (failure is null)
        {
            await FinishAsync(store => store.CompleteAsync(job, Node, now, CancellationToken.None));
            return true;
        }

        var retryAt = job.Attempt >= job.MaxAttempts ? (DateTimeOffset?)null : now + Backoff(job.Attempt);
        if (retryAt is null)
        {
            LogDead(logger, failure, job.Id, job.Kind, job.Attempt);
        }
        else
        {
            LogFailed(logger, failure, job.Id, job.Kind, job.Attempt, retryAt.Value);
        }

        await FinishAsync(store => store.FailAsync(job, Node, failure.GetType().Name + ": " + failure.Message, now, retryAt, CancellationToken.None));
        return true;
    }

    /// <summary>The wait before the next attempt: the base back-off doubled at each failure, capped.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var settings = options.Value;
        var wait = settings.Backoff * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return wait > settings.MaxBackoff ? settings.MaxBackoff : wait;
    }

    private async Task RenewWhileRunningAsync(ClaimedJob job, CancellationToken ct)
    {
        var lease = options.Value.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, clock, ct);
                await FinishAsync(store => store.RenewAsync(job, Node, clock.GetUtcNow() + lease, ct));
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
        catch (Exception e)
        {
            LogLoopFailed(logger, e);
        }
    }

    private async Task FinishAsync(Func<JobStore, Task<int>> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        await write(new JobStore(scope.ServiceProvider.GetRequiredService<PreauDbContext>()));
    }

    private async Task HousekeepAsync(CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await HousekeepOnceAsync(ct);
                await Task.Delay(options.Value.HousekeepingEvery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
                try
                {
                    await Task.Delay(options.Value.HousekeepingEvery, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Enqueues the next occurrence of each recurring job (once across nodes, by its key) and purges old jobs.</summary>
    public async Task HousekeepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = clock.GetUtcNow();
        foreach (var schedule in _recurring.Values)
        {
            await EnqueueNextAsync(queue, schedule, now, ct);
        }

        await new JobStore(scope.ServiceProvider.GetRequiredService<PreauDbContext>()).PurgeAsync(now, options.Value, ct);
    }

    private static Task<long?> EnqueueNextAsync(JobQueue queue, RecurringJob recurring, DateTimeOffset after, CancellationToken ct)
    {
        var at = recurring.Schedule.Next(after);
        return queue.EnqueueAsync(recurring.Kind, new RecurringOccurrence(at, recurring.Schedule.Previous(at)), at, recurring.KeyFor(at), ct: ct);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed on attempt {Attempt}; next attempt at {RetryAt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, long jobId, string kind, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed its last attempt ({Attempt}) and is left dead")]
    private static partial void LogDead(ILogger logger, Exception exception, long jobId, string kind, int attempt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The job workers could not reach the queue")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

internal static class ClaimedJobExtensions
{
    public static RecurringOccurrence Read(this ClaimedJob job) =>
        JsonSerializer.Deserialize<RecurringOccurrence>(job.Payload, JobQueue.Json) ?? throw new InvalidOperationException($"Job {job.Id} has no occurrence.");
}
