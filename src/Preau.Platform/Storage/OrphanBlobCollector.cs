using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Jobs;
using Preau.Platform.Persistence;

namespace Preau.Platform.Storage;

/// <summary>What one collection deleted.</summary>
public sealed record BlobCollection(int Blobs, int AbandonedUploads, int Adopted);

/// <summary>
/// The recurring job that reclaims storage: blobs without a reference for longer than the grace
/// period (<c>Storage:OrphanGrace</c>, a day), uploads a crash interrupted, and content an
/// interrupted request stored without registering it (registered here as unreferenced, so it
/// goes one grace period later unless someone stores it again meanwhile).
/// </summary>
public sealed class OrphanBlobCollector(PreauDbContext db, IBlobStore store, TimeProvider clock, IOptions<StorageOptions> options) : IJobHandler
{
    public const string Kind = "storage.collect";
    private const int Batch = 500;

    public async Task RunAsync(JobContext job, CancellationToken ct) => await CollectAsync(ct);

    public async Task<BlobCollection> CollectAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.OrphanGrace;
        var abandoned = await store.DeleteAbandonedUploadsAsync(cutoff, ct);
        var adopted = await AdoptUnregisteredAsync(cutoff, now, ct);

        var deleted = 0;
        List<string> due;
        do
        {
            due = await db.Set<BlobRecord>().AsNoTracking()
                .Where(b => b.RefCount == 0 && b.UnreferencedSince < cutoff)
                .OrderBy(b => b.UnreferencedSince).Select(b => b.Key).Take(Batch).ToListAsync(ct);
            foreach (var key in due)
            {
                deleted += await DeleteIfStillOrphanAsync(key, cutoff, ct) ? 1 : 0;
            }
        }
        while (due.Count == Batch);

        return new BlobCollection(deleted, abandoned, adopted);
    }

    /// <summary>
    /// The row goes first, on the condition that it is still unreferenced, and the content while the
    /// row's deletion is not yet committed: a concurrent reference waits for the commit, then finds
    /// no row (AddRef answers false; StoreAsync sees the content gone). A failed deletion of the
    /// content rolls the row back, to be tried again.
    /// </summary>
    private async Task<bool> DeleteIfStillOrphanAsync(string key, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<BlobRecord>()
            .Where(b => b.Key == key && b.RefCount == 0 && b.UnreferencedSince < cutoff)
            .ExecuteDeleteAsync(ct);
        if (claimed == 0)
        {
            return false;
        }

        await store.DeleteAsync(key, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<int> AdoptUnregisteredAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        var adopted = 0;
        var batch = new List<StoredBlob>(Batch);
        await foreach (var blob in store.ListWrittenBeforeAsync(cutoff, ct))
        {
            batch.Add(blob);
            if (batch.Count == Batch)
            {
                adopted += await AdoptAsync(batch, now, ct);
                batch.Clear();
            }
        }

        return adopted + await AdoptAsync(batch, now, ct);
    }

    private async Task<int> AdoptAsync(List<StoredBlob> blobs, DateTimeOffset now, CancellationToken ct)
    {
        if (blobs.Count == 0)
        {
            return 0;
        }

        var keys = blobs.Select(b => b.Key).ToList();
        var known = (await db.Set<BlobRecord>().Where(b => keys.Contains(b.Key)).Select(b => b.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var adopted = 0;
        foreach (var blob in blobs.Where(b => !known.Contains(b.Key)))
        {
            adopted += await BlobRegistry.AbandonAsync(db, blob, now, ct) ? 1 : 0;
        }

        return adopted;
    }
}
