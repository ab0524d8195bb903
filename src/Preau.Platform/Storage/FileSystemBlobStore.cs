using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Preau.Platform.Storage;

/// <summary>
/// Blobs as files under one folder (<c>{Preau:DataPath}/blobs</c> unless <c>Storage:Path</c> says
/// otherwise): <c>sha256/ab/cd/&lt;hex&gt;</c> for content, <c>tmp/</c> for uploads in progress. An
/// upload is written and hashed into <c>tmp/</c>, flushed to disk, then renamed to its key: on
/// one file system a rename is atomic, so a key shows either nothing or the whole content.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 81920;

    /// <summary>What an upload reads, hashes and writes at a time.</summary>
    private const int UploadBufferSize = 1024 * 1024;

    /// <summary>How much of an upload is written before its write-back to the disk is started.</summary>
    private const long WriteBackBytes = 8 * 1024 * 1024;
    private const string UploadSuffix = ".upload";
    private readonly string _root;
    private readonly string _uploads;

    private readonly TimeProvider _clock;

    public FileSystemBlobStore(string root, TimeProvider clock)
    {
        _clock = clock;
        _root = Path.GetFullPath(root);
        _uploads = Path.Combine(_root, "tmp");
        System.IO.Directory.CreateDirectory(_uploads);
    }

    public string Root => _root;

    /// <summary>
    /// Reads until the buffer is full or the content ends: a request body comes in pieces of a few
    /// kilobytes, and hashing and writing a whole buffer at a time costs far less per byte.
    /// </summary>
    private static async ValueTask<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < UploadBufferSize && (read = await content.ReadAsync(buffer.AsMemory(filled, UploadBufferSize - filled), ct)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var upload = Path.Combine(_uploads, Guid.NewGuid().ToString("N") + UploadSuffix);
        var buffer = ArrayPool<byte>.Shared.Rent(UploadBufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            long started = 0;
            // No buffer of the stream's own: each write is a whole buffer of ours, handed straight to the file.
            await using (var file = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await FillAsync(content, buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new BlobTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    if (length - started >= WriteBackBytes)
                    {
                        _ = WriteBack.Start(file.SafeFileHandle, started, length - started);
                        started = length;
                    }
                }

                // On disk before it is renamed: a power cut never leaves a key with partial content.
                file.Flush(flushToDisk: true);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var key = BlobKeys.ForSha256(sha256);
            var path = PathOf(key);
            if (!TouchExisting(path))
            {
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // A concurrent upload of the same content may land first: replacing it is harmless
                // (same bytes), and readers holding the old file keep reading it.
                File.Move(upload, path, overwrite: true);
                File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
            }
            else
            {
                File.Delete(upload);
            }

            return new StoredBlob(key, length, sha256);
        }
        catch
        {
            File.Delete(upload);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: the collector may remove a blob while someone still reads it.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<bool> VerifyAsync(string key, CancellationToken ct = default) => BlobKeys.VerifyAsync(this, key, ct);

    public async IAsyncEnumerable<StoredBlob> ListWrittenBeforeAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var content = Path.Combine(_root, "sha256");
        if (!System.IO.Directory.Exists(content))
        {
            yield break;
        }

        foreach (var file in new DirectoryInfo(content).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (BlobKeys.IsValid(key) && file.LastWriteTimeUtc < before.UtcDateTime)
            {
                yield return new StoredBlob(key, file.Length, BlobKeys.Sha256Of(key));
            }
        }

        await Task.CompletedTask;
    }

    public Task<int> DeleteAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        var deleted = 0;
        foreach (var file in new DirectoryInfo(_uploads).EnumerateFiles("*" + UploadSuffix))
        {
            ct.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < before.UtcDateTime)
            {
                file.Delete();
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    /// <summary>
    /// The same content is already stored: it is kept once, and its write time moves to now, so
    /// the collector, which only takes content unregistered for a day, leaves it to this upload.
    /// False when there is none (or it was just collected): the upload takes its place.
    /// </summary>
    private bool TouchExisting(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
