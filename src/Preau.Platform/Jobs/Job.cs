using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.Platform.Jobs;

public enum JobState
{
    /// <summary>Waits for its time (<see cref="Job.RunAt"/>), or for its next attempt after a failure.</summary>
    Pending = 0,

    /// <summary>Claimed by a node until <see cref="Job.LockedUntil"/>; taken again by any node once the lease expired.</summary>
    Running = 1,

    /// <summary>Succeeded; purged after <see cref="JobOptions.KeepDone"/>.</summary>
    Done = 2,

    /// <summary>Failed every attempt (or its kind has no handler); the last error is kept for the operator.</summary>
    Dead = 3,
}

/// <summary>One piece of background work, stored so that any node may run it and it survives a restart.</summary>
public sealed class Job
{
    public long Id { get; init; }

    /// <summary>What to do: the kind a handler was registered for ("feed.digest.daily").</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input, as JSON.</summary>
    public required string Payload { get; init; }

    /// <summary>When set, no other job with the same key is ever enqueued while this one is stored.</summary>
    public string? UniqueKey { get; init; }

    public JobState State { get; set; }
    public DateTimeOffset RunAt { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; init; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}

// Job tables carry the "job_" prefix.
internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("job_jobs");
        b.Property(j => j.Kind).HasMaxLength(64);
        b.Property(j => j.UniqueKey).HasMaxLength(200);
        b.Property(j => j.LockedBy).HasMaxLength(100);
        b.Property(j => j.LastError).HasMaxLength(4000);
        // Null keys never collide, on both providers.
        b.HasIndex(j => j.UniqueKey).IsUnique();
        // The claim: the oldest due pending job, or a running one whose lease expired.
        b.HasIndex(j => new { j.State, j.RunAt });
        // The purge of old finished jobs.
        b.HasIndex(j => new { j.State, j.CompletedAt });
    }
}
