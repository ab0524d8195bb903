namespace Preau.Platform.Storage;

/// <summary>Content now held by the store, under its content-addressed key.</summary>
/// <param name="Key">"sha256/ab/cd/abcd…" (see <see cref="BlobKeys"/>): never a user's file name.</param>
/// <param name="Length">The content's length in bytes.</param>
/// <param name="Sha256">The content's SHA-256, 64 lower-case hexadecimal digits.</param>
public sealed record StoredBlob(string Key, long Length, string Sha256);

/// <summary>
/// Where file content lives: the local file system by default (<see cref="FileSystemBlobStore"/>),
/// or an S3-compatible object store (<see cref="S3BlobStore"/>, <c>Storage:Provider=S3</c>), behind this one contract. Content is addressed by its
/// SHA-256, so the same content is kept once; content streams in and out, never whole in memory;
/// a partial upload is never visible under a key. Who uses a blob, and when it may be deleted, is
/// the <see cref="BlobRegistry"/>'s business, not the store's.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store, hashing it on the way, then makes it
    /// visible under its key at once (the same content already stored is kept once).
    /// </summary>
    /// <exception cref="BlobTooLargeException">The content ran past <paramref name="maxBytes"/>: nothing is kept.</exception>
    Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct = default);

    /// <summary>The content under <paramref name="key"/>, to read and dispose; null when there is none.</summary>
    /// <exception cref="ArgumentException">The key is not a blob key.</exception>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes the content under <paramref name="key"/>; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Reads the content again and compares its SHA-256 with its key: false when missing or altered.</summary>
    Task<bool> VerifyAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// The content last written before <paramref name="before"/>: the orphan collector finds there
    /// content an interrupted upload stored but never registered. Storing content again counts as
    /// writing it.
    /// </summary>
    IAsyncEnumerable<StoredBlob> ListWrittenBeforeAsync(DateTimeOffset before, CancellationToken ct = default);

    /// <summary>Deletes uploads interrupted before <paramref name="before"/> (a crash mid-upload); returns how many.</summary>
    Task<int> DeleteAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>An upload ran past its size limit; nothing of it was kept.</summary>
public sealed class BlobTooLargeException(long maxBytes)
    : IOException($"The content is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
