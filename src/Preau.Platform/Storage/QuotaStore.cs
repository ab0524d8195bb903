using Microsoft.Extensions.Options;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Storage;

/// <summary>
/// An upload charged to a person's quota: whose quota (<see cref="OwnerId"/>, who may not be the
/// person uploading), the length announced when there is one, and the most one file may take.
/// </summary>
public sealed record QuotaUpload(Guid OwnerId, long? DeclaredLength, long MaxBytes)
{
    /// <summary>Another bound when no length is announced: what is left of the request body.</summary>
    public long? AtMost { get; init; }

    /// <summary>The field the error keys are given under.</summary>
    public string Field { get; init; } = "File";

    /// <summary>The key for content over <see cref="MaxBytes"/> (a module may have its own sentence).</summary>
    public string TooLargeKey { get; init; } = QuotaStore.TooLarge;
}

/// <summary>Content already in the store, by its key, and its length (what a new reference to it costs).</summary>
public sealed record HeldContent(string BlobKey, long Length);

/// <summary>
/// The one sequence that puts a person's file into the storage within their quota, for every
/// module: the room is checked (the declared length, or the most the file may take), the bytes
/// are streamed into the store under that cap, then, in ONE transaction, the real length is
/// reserved in the owner's quota, the blob's reference counted and the caller's own rows saved
/// (<c>keep</c>). A refusal or a crash at any point leaves nothing counted: before the commit the
/// content is only bytes no row knows, which the orphan collector reclaims.
/// </summary>
public sealed class QuotaStore(PreauDbContext db, IBlobStore store, BlobRegistry blobs, StorageQuota quota, IOptions<StorageOptions> options)
{
    /// <summary>The room left in the owner's quota is too small.</summary>
    public const string QuotaFull = "Error.QuotaFull";

    /// <summary>The file is over the most one file may take.</summary>
    public const string TooLarge = "Error.TooLarge";

    /// <summary>The file is empty.</summary>
    public const string Empty = "Error.EmptyFile";

    /// <summary>
    /// Streams <paramref name="content"/> in within <paramref name="upload"/>'s limits and the owner's
    /// quota, then calls <paramref name="keep"/> with the stored blob inside the transaction that
    /// counts it: what <paramref name="keep"/> saves is saved with the reference and the quota, or
    /// nothing is (a refusal it returns, or an exception, rolls everything back). Refusals come as
    /// <see cref="QuotaFull"/>, <see cref="Empty"/> or <see cref="QuotaUpload.TooLargeKey"/> under
    /// <see cref="QuotaUpload.Field"/>. Opens its own transaction: call it outside any.
    /// </summary>
    public async Task<Outcome<T>> StoreWithinQuotaAsync<T>(QuotaUpload upload, Stream content, Func<StoredBlob, CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(keep);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("StoreWithinQuotaAsync opens its own transaction; call it outside any.");
        }

        if (upload.DeclaredLength == 0)
        {
            return Outcome.Invalid<T>(upload.Field, Empty);
        }

        if (upload.DeclaredLength > upload.MaxBytes)
        {
            return Outcome.Invalid<T>(upload.Field, upload.TooLargeKey);
        }

        // The room is checked before a byte is read; it is taken only with the real length, below.
        var status = await quota.StatusAsync(upload.OwnerId, ct);
        var (quotaBytes, free) = (status?.QuotaBytes ?? 0, status?.FreeBytes ?? 0);
        var bound = upload.AtMost is > 0 ? Math.Min(upload.AtMost.Value, upload.MaxBytes) : upload.MaxBytes;
        var cap = Math.Min(bound, free);
        if (upload.DeclaredLength > free || cap <= 0)
        {
            return Outcome.Invalid<T>(upload.Field, QuotaFull);
        }

        StoredBlob blob;
        try
        {
            blob = await store.PutAsync(content, cap, ct);
        }
        catch (BlobTooLargeException)
        {
            return Outcome.Invalid<T>(upload.Field, cap < bound ? QuotaFull : upload.TooLargeKey);
        }

        if (blob.Length == 0)
        {
            await blobs.AbandonAsync(blob, ct);
            return Outcome.Invalid<T>(upload.Field, Empty);
        }

        if (options.Value.TestingHoldAfterStore is { Length: > 0 } hold)
        {
            await HoldForTestsAsync(hold, blob, ct);
        }

        Outcome<T> kept;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // The reservation comes first: on SQLite it takes the write lock before any read.
            kept = await quota.TryReserveAsync(upload.OwnerId, quotaBytes, blob.Length, ct)
                ? await RegisterAndKeepAsync(blob, keep, ct)
                : Outcome.Invalid<T>(upload.Field, QuotaFull);
            if (kept.Succeeded)
            {
                await transaction.CommitAsync(ct);
                return kept;
            }
        }

        db.ChangeTracker.Clear();
        await blobs.AbandonAsync(blob, ct);
        return kept;
    }

    /// <summary>
    /// One more reference to content already stored (a copy, a forward, a document attached from
    /// the picker), charged to <paramref name="ownerId"/>'s quota, saved with what
    /// <paramref name="keep"/> saves in one transaction. Not found when the content is not held;
    /// <see cref="QuotaFull"/> under <paramref name="field"/> when it does not fit.
    /// </summary>
    public Task<Outcome<T>> ReferenceWithinQuotaAsync<T>(Guid ownerId, string blobKey, long length, string field, Func<CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct) =>
        ReferenceWithinQuotaAsync(ownerId, [new HeldContent(blobKey, length)], field, keep, ct);

    /// <summary>
    /// One more reference to each of several contents already stored (a folder copied with what it
    /// holds), their total charged at once: all of them fit and are saved with what
    /// <paramref name="keep"/> saves, or nothing is. A content listed twice takes two references.
    /// </summary>
    public async Task<Outcome<T>> ReferenceWithinQuotaAsync<T>(Guid ownerId, IReadOnlyCollection<HeldContent> contents, string field, Func<CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(keep);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("ReferenceWithinQuotaAsync opens its own transaction; call it outside any.");
        }

        var quotaBytes = (await quota.StatusAsync(ownerId, ct))?.QuotaBytes ?? 0;
        var total = contents.Sum(c => c.Length);
        Outcome<T> kept;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            kept = !await quota.TryReserveAsync(ownerId, quotaBytes, total, ct) ? Outcome.Invalid<T>(field, QuotaFull)
                : !await AddRefsAsync(contents, ct) ? Outcome.NotFound<T>()
                : await keep(ct);
            if (kept.Succeeded)
            {
                await transaction.CommitAsync(ct);
                return kept;
            }
        }

        db.ChangeTracker.Clear();
        return kept;
    }

    private async Task<bool> AddRefsAsync(IReadOnlyCollection<HeldContent> contents, CancellationToken ct)
    {
        foreach (var content in contents.GroupBy(c => c.BlobKey, StringComparer.Ordinal))
        {
            if (!await blobs.AddRefAsync(content.Key, content.Count(), ct))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<Outcome<T>> RegisterAndKeepAsync<T>(StoredBlob blob, Func<StoredBlob, CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct)
    {
        await blobs.RegisterAsync(blob, ct);
        return await keep(blob, ct);
    }

    /// <summary>The test-only fault point of <see cref="StorageOptions.TestingHoldAfterStore"/>: the bytes are in, nothing is counted.</summary>
    private static async Task HoldForTestsAsync(string path, StoredBlob blob, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, blob.Key, ct);
        await Task.Delay(Timeout.Infinite, ct);
    }
}
