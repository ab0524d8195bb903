namespace Preau.Platform.Jobs;

/// <summary>Bound from "Jobs": how this node runs the shared job queue.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this node runs jobs at all (a node may serve pages only).</summary>
    public bool Workers { get; set; } = true;

    /// <summary>How many jobs this node runs at the same time.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>How often an idle worker looks for due jobs (plus up to a quarter of it at random, so nodes spread out).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed job belongs to its node; renewed while it runs. Past it, a crashed node's job is taken again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a failing job is left "dead" with its error.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; doubled at each failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long finished jobs stay (unique keys of recurring occurrences live as long).</summary>
    public TimeSpan KeepDone { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long dead jobs stay for the operator to read.</summary>
    public TimeSpan KeepDead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a node purges finished jobs and looks at the recurring schedules.</summary>
    public TimeSpan HousekeepingEvery { get; set; } = TimeSpan.FromMinutes(1);
}
