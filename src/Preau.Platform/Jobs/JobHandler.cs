using System.Text.Json;

namespace Preau.Platform.Jobs;

/// <summary>Runs the jobs of one kind. Throw to fail the attempt: the job is tried again later, then left dead.</summary>
public interface IJobHandler
{
    Task RunAsync(JobContext job, CancellationToken ct);
}

/// <summary>The job being run: its payload, and which attempt this is.</summary>
public sealed record JobContext(long Id, string Kind, string Payload, int Attempt, int MaxAttempts)
{
    /// <summary>The payload read as <typeparamref name="T"/> (it was written with the web JSON defaults).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, JobQueue.Json) ?? throw new InvalidOperationException($"Job {Id} ({Kind}) has no payload.");

    /// <summary>For a recurring job: the occurrence being run and the one before it (the period it covers).</summary>
    public RecurringOccurrence Occurrence => Read<RecurringOccurrence>();
}

/// <summary>An occurrence of a recurring job: it runs for the period (<see cref="Since"/>, <see cref="At"/>].</summary>
public sealed record RecurringOccurrence(DateTimeOffset At, DateTimeOffset Since);

/// <summary>A kind and the handler type that runs it (registered by <see cref="JobServiceCollectionExtensions.AddJobHandler{T}"/>).</summary>
public sealed record JobHandlerRegistration(string Kind, Type Handler);

/// <summary>A kind run on a schedule (registered by <see cref="JobServiceCollectionExtensions.AddRecurringJob"/>).</summary>
public sealed record RecurringJob(string Kind, JobSchedule Schedule)
{
    /// <summary>One key per occurrence: every node enqueues the same occurrence under it, so it is stored once.</summary>
    public string KeyFor(DateTimeOffset at) => $"recurring:{Kind}:{at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
