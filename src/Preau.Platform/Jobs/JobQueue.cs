using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Persistence;

namespace Preau.Platform.Jobs;

/// <summary>
/// Puts work in the shared job queue. The job is written with the caller's context (inside its
/// transaction, when it has one, so a change and its follow-up job are saved together) and any
/// node's workers run it once. A unique key makes enqueueing the same occurrence twice, from
/// this node or another, store it once.
/// </summary>
public sealed class JobQueue(PreauDbContext db, TimeProvider clock, IOptions<JobOptions> options, JobSignal signal)
{
    internal static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>
    /// Enqueues a job of <paramref name="kind"/> (a kind registered with <c>AddJobHandler</c>).
    /// Returns its id, or null when a job with the same <paramref name="uniqueKey"/> is already stored.
    /// </summary>
    /// <param name="kind">The registered kind ("feed.mail.immediate").</param>
    /// <param name="payload">Serialized as JSON (web defaults); read back with <see cref="JobContext.Read{T}"/>.</param>
    /// <param name="runAt">Not before this instant; now when null.</param>
    /// <param name="uniqueKey">At most one stored job per key (up to 200 characters).</param>
    /// <param name="maxAttempts">Attempts before the job is left dead; <see cref="JobOptions.MaxAttempts"/> when null.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<long?> EnqueueAsync(string kind, object? payload = null, DateTimeOffset? runAt = null, string? uniqueKey = null, int? maxAttempts = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var now = clock.GetUtcNow();
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            {(postgres ? "INSERT" : "INSERT OR IGNORE")} INTO job_jobs (kind, payload, unique_key, state, run_at, attempts, max_attempts, created_at)
            VALUES (@kind, @payload, @key, {(int)JobState.Pending}, @run_at, 0, @max, @now)
            {(postgres ? "ON CONFLICT DO NOTHING" : string.Empty)}
            RETURNING id
            """;
        var id = await RawSql.ScalarAsync<long>(db, sql, ct,
            ("kind", kind),
            ("payload", JsonSerializer.Serialize(payload, Json)),
            ("key", (object?)uniqueKey ?? DBNull.Value),
            ("run_at", RawSql.Instant(db, runAt ?? now)),
            ("max", Math.Max(1, maxAttempts ?? options.Value.MaxAttempts)),
            ("now", RawSql.Instant(db, now)));
        if (id is not null && (runAt is null || runAt <= now))
        {
            signal.Wake();
        }

        return id;
    }
}
