using Microsoft.EntityFrameworkCore;
using Preau.Platform.Persistence;

namespace Preau.Platform.Storage;

/// <summary>
/// Who holds which blob. Content is shared by key (the same file attached twice is stored once),
/// so each owner (an attachment, a document version…) holds a reference, and the content goes
/// only when the last one is released and a grace period passed (<see cref="OrphanBlobCollector"/>).
/// Every change is one conditional statement, safe against concurrent owners and the collector.
/// </summary>
public sealed class BlobRegistry(PreauDbContext db, IBlobStore store, TimeProvider clock)
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store and holds one reference to it. Inside the
    /// caller's transaction, when there is one (the reference then counts only if it commits).
    /// </summary>
    /// <exception cref="BlobTooLargeException">Past <paramref name="maxBytes"/>: nothing kept, nothing held.</exception>
    /// <exception cref="BlobCollectedException">The collector took the same content at that instant: store it again.</exception>
    public async Task<StoredBlob> StoreAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var blob = await store.PutAsync(content, maxBytes, ct);
        await RegisterAsync(blob, ct);
        return blob;
    }

    /// <summary>
    /// Holds one reference to content already put in the store. Inside the caller's transaction,
    /// when there is one (the reference then counts only if it commits).
    /// </summary>
    /// <exception cref="BlobCollectedException">The collector took the same content at that instant: store it again.</exception>
    public async Task RegisterAsync(StoredBlob blob, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO sto_blobs ("key", length, sha256, created_at, ref_count, unreferenced_since)
                VALUES ({blob.Key}, {blob.Length}, {blob.Sha256}, {RawSql.Instant(db, clock.GetUtcNow())}, 1, NULL)
                ON CONFLICT ("key") DO UPDATE SET ref_count = sto_blobs.ref_count + 1, unreferenced_since = NULL
                """, ct);

            // The collector deletes a row and then its content in one transaction, which this
            // statement waited for: content still there now stays, since the row is held.
            if (!await store.ExistsAsync(blob.Key, ct))
            {
                throw new BlobCollectedException();
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
    }

    /// <summary>
    /// Registers content put in the store that nobody will hold (an upload refused once its bytes
    /// were in): unreferenced from now, so the collector takes it one grace period later. Content
    /// someone else holds is left as it is. True when it was unknown.
    /// </summary>
    public Task<bool> AbandonAsync(StoredBlob blob, CancellationToken ct = default) => AbandonAsync(db, blob, clock.GetUtcNow(), ct);

    internal static async Task<bool> AbandonAsync(PreauDbContext db, StoredBlob blob, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        // Stored again meanwhile: the registration that came with it wins.
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sto_blobs ("key", length, sha256, created_at, ref_count, unreferenced_since)
            VALUES ({blob.Key}, {blob.Length}, {blob.Sha256}, {RawSql.Instant(db, now)}, 0, {RawSql.Instant(db, now)})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
    }

    /// <summary>One more reference to stored content (a copy, a forward); false when the key is not held.</summary>
    public Task<bool> AddRefAsync(string key, CancellationToken ct = default) => AddRefAsync(key, 1, ct);

    /// <summary><paramref name="count"/> more references at once (the same content copied several times); false when it is not registered.</summary>
    public async Task<bool> AddRefAsync(string key, int count, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return await db.Set<BlobRecord>().Where(b => b.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.RefCount, b => b.RefCount + count)
                .SetProperty(b => b.UnreferencedSince, (DateTimeOffset?)null), ct) == 1;
    }

    /// <summary>Gives a reference back; the last one starts the grace period. False when none was held.</summary>
    public async Task<bool> ReleaseAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        DateTimeOffset? now = clock.GetUtcNow();
        return await db.Set<BlobRecord>().Where(b => b.Key == key && b.RefCount > 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.RefCount, b => b.RefCount - 1)
                .SetProperty(b => b.UnreferencedSince, b => b.RefCount == 1 ? now : b.UnreferencedSince), ct) == 1;
    }

    /// <summary>How many references the content has; null when it is not registered.</summary>
    public async Task<int?> RefCountAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        return await db.Set<BlobRecord>().Where(b => b.Key == key).Select(b => (int?)b.RefCount).FirstOrDefaultAsync(ct);
    }
}

/// <summary>
/// The orphan collector deleted the same content at the very instant it was stored again (it had
/// been unreferenced for a day): nothing is held; storing it again succeeds.
/// </summary>
public sealed class BlobCollectedException()
    : IOException("The same content was being collected as it was stored; store it again.");
