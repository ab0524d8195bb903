using System.Collections.Concurrent;

namespace Preau.Provisioning.Jobs;

/// <summary>
/// How far each running import is, in memory on the node that runs it: the apply writes inside
/// one transaction, so the database cannot show its progress until it ends. Another node's
/// status request sees the stored state (queued, running, done) without the count.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, (int Done, int Total)> _progress = new();

    public void Report(Guid importId, int done, int total) => _progress[importId] = (done, total);

    public (int Done, int Total)? Of(Guid importId) => _progress.TryGetValue(importId, out var p) ? p : null;

    public void Forget(Guid importId) => _progress.TryRemove(importId, out _);
}
