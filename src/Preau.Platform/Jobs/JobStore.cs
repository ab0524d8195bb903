using Microsoft.EntityFrameworkCore;
using Preau.Platform.Persistence;

namespace Preau.Platform.Jobs;

/// <summary>A job claimed by a node: <see cref="Attempt"/> is also its fencing token (a node whose lease expired cannot finish it).</summary>
internal sealed record ClaimedJob(long Id, string Kind, string Payload, int Attempt, int MaxAttempts);

/// <summary>
/// The workers' side of the queue. A claim is one statement: on PostgreSQL the oldest due row is
/// locked with FOR UPDATE SKIP LOCKED (concurrent claims skip each other's rows); on SQLite, which
/// serializes writers, one conditional UPDATE … RETURNING. A running job whose lease expired is
/// due again. Every later write checks the node and the attempt, so a node that lost its lease
/// changes nothing.
/// </summary>
internal sealed class JobStore(PreauDbContext db)
{
    public async Task<ClaimedJob?> ClaimAsync(string node, IReadOnlyList<string> kinds, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        if (kinds.Count == 0)
        {
            return null;
        }

        var postgres = db.Database.IsNpgsql();
        var kindList = string.Join(", ", kinds.Select((_, i) => "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var due = $"""
            kind IN ({kindList}) AND (
                (state = {(int)JobState.Pending} AND run_at <= @now)
                OR (state = {(int)JobState.Running} AND locked_until < @now AND attempts < max_attempts))
            """;
        var sql = $"""
            UPDATE job_jobs SET state = {(int)JobState.Running}, locked_by = @node, locked_until = @until, attempts = attempts + 1
            WHERE id = (SELECT id FROM job_jobs WHERE {due} ORDER BY run_at, id LIMIT 1{(postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)})
              AND {due}
            RETURNING id, kind, payload, attempts, max_attempts
            """;
        List<(string, object)> parameters = [("node", node), ("until", RawSql.Instant(db, now + lease)), ("now", RawSql.Instant(db, now))];
        parameters.AddRange(kinds.Select((k, i) => ("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object)k)));
        await using var result = await RawSql.ReaderAsync(db, sql, parameters, ct);
        var r = result.Reader;
        return await r.ReadAsync(ct)
            ? new ClaimedJob(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4))
            : null;
    }

    public Task<int> RenewAsync(ClaimedJob job, string node, DateTimeOffset until, CancellationToken ct) =>
        Mine(job, node).ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until), ct);

    public Task<int> CompleteAsync(ClaimedJob job, string node, DateTimeOffset now, CancellationToken ct) =>
        Mine(job, node).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Done)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, (string?)null), ct);

    /// <summary>Back to pending for a later attempt, or dead after the last one; the error is kept either way.</summary>
    public Task<int> FailAsync(ClaimedJob job, string node, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken ct)
    {
        error = error.Length > 4000 ? error[..4000] : error;
        return Mine(job, node).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, retryAt is null ? JobState.Dead : JobState.Pending)
            .SetProperty(j => j.RunAt, j => retryAt ?? j.RunAt)
            .SetProperty(j => j.CompletedAt, retryAt is null ? now : (DateTimeOffset?)null)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, error), ct);
    }

    /// <summary>Gives a job back untouched (the node is stopping): the attempt does not count.</summary>
    public Task<int> ReleaseAsync(ClaimedJob job, string node, CancellationToken ct) =>
        Mine(job, node).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Pending)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null), ct);

    /// <summary>Deletes old finished jobs, and leaves dead the jobs whose last attempt's node stopped without finishing.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, JobOptions options, CancellationToken ct)
    {
        var abandoned = await db.Set<Job>()
            .Where(j => j.State == JobState.Running && j.LockedUntil < now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Dead)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, "The lease of the last attempt expired: its node stopped while running it."), ct);
        var doneBefore = now - options.KeepDone;
        var deadBefore = now - options.KeepDead;
        var purged = await db.Set<Job>()
            .Where(j => (j.State == JobState.Done && j.CompletedAt < doneBefore) || (j.State == JobState.Dead && j.CompletedAt < deadBefore))
            .ExecuteDeleteAsync(ct);
        return abandoned + purged;
    }

    private IQueryable<Job> Mine(ClaimedJob job, string node) =>
        db.Set<Job>().Where(j => j.Id == job.Id && j.LockedBy == node && j.Attempts == job.Attempt && j.State == JobState.Running);
}
