using System.Security.Cryptography;
using Preau.Platform.Storage;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// What every blob store must do, whatever holds the bytes: <see cref="FileSystemBlobStoreTests"/>
/// (the file system) and <see cref="S3BlobStoreTests"/> (a real S3-compatible server on loopback)
/// supply a store and the hooks below, and run these same tests.
/// </summary>
[Collection(BlobStores.Name)]
public abstract class BlobStoreContract : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }

    /// <summary>Everything the store holds, finished or not (content, uploads in progress, temporary objects).</summary>
    protected abstract Task<int> CountObjectsAsync();

    /// <summary>Changes one byte of stored content behind the store's back (a disk fault).</summary>
    protected abstract Task CorruptAsync(string key);

    /// <summary>Leaves what a crash in the middle of an upload leaves (a temporary file, a multipart upload never completed…).</summary>
    protected abstract Task LeaveInterruptedUploadAsync();

    /// <summary>An instant after everything written so far and before anything written next, on the store's own clock.</summary>
    protected abstract Task<DateTimeOffset> AfterWritesAsync();

    /// <summary>The requests sent to a server so far (none for a store without one).</summary>
    protected abstract long Requests { get; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task Content_comes_back_byte_for_byte_under_its_sha256_key()
    {
        var content = Bytes(300_000);
        var blob = await Store.PutAsync(new MemoryStream(content), 1_000_000, Ct);

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, blob.Sha256);
        Assert.Equal($"sha256/{sha[..2]}/{sha[2..4]}/{sha}", blob.Key);
        Assert.Equal(300_000, blob.Length);
        Assert.True(await Store.ExistsAsync(blob.Key, Ct));
        await using var read = await Store.OpenReadAsync(blob.Key, Ct);
        Assert.Equal(content, await ReadAllAsync(read!));
    }

    [Theory]
    [InlineData(5 * MiB)]
    [InlineData((10 * MiB) + 123)]
    public async Task Content_longer_than_a_part_comes_back_whole_and_nothing_temporary_stays(int length)
    {
        var content = Bytes(length, seed: length);

        var blob = await Store.PutAsync(new MemoryStream(content), length, Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), blob.Sha256);
        Assert.Equal(length, blob.Length);
        Assert.Equal(1, await CountObjectsAsync());
        Assert.True(await Store.VerifyAsync(blob.Key, Ct));
        await using var read = await Store.OpenReadAsync(blob.Key, Ct);
        Assert.Equal(content, await ReadAllAsync(read!));
    }

    [Fact]
    public async Task Empty_content_is_stored_too()
    {
        var blob = await Store.PutAsync(new MemoryStream(), 10, Ct);

        Assert.Equal(0, blob.Length);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", blob.Sha256);
        Assert.True(await Store.VerifyAsync(blob.Key, Ct));
    }

    [Fact]
    public async Task The_same_content_stored_twice_is_kept_once()
    {
        var content = Bytes(50_000);
        var first = await Store.PutAsync(new MemoryStream(content), 100_000, Ct);
        var second = await Store.PutAsync(new MemoryStream(content), 100_000, Ct);
        var other = await Store.PutAsync(new MemoryStream(Bytes(50_000, seed: 2)), 100_000, Ct);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Key, other.Key);
        Assert.Equal(2, await CountObjectsAsync());
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(11 * MiB)]
    public async Task Content_past_the_limit_is_refused_and_leaves_nothing(int limit)
    {
        var content = Bytes(limit + 1);

        var refused = await Assert.ThrowsAsync<BlobTooLargeException>(() => Store.PutAsync(new MemoryStream(content), limit, Ct));

        Assert.Equal(limit, refused.MaxBytes);
        Assert.Equal(0, await CountObjectsAsync());
        Assert.Empty(await Store.ListWrittenBeforeAsync(DateTimeOffset.MaxValue, Ct).ToListAsync(Ct));
        var exactly = await Store.PutAsync(new MemoryStream(content, 0, limit), limit, Ct);
        Assert.Equal(limit, exactly.Length);
        Assert.Equal(1, await CountObjectsAsync());
    }

    [Fact]
    public async Task An_endless_upload_is_cut_at_the_limit_without_reading_it_all()
    {
        var endless = new EndlessStream();

        await Assert.ThrowsAsync<BlobTooLargeException>(() => Store.PutAsync(endless, 1_000_000, Ct));

        Assert.InRange(endless.Served, 1_000_001, 1_200_000);
        Assert.Equal(0, await CountObjectsAsync());
    }

    [Theory]
    [InlineData(500_000)]
    [InlineData(12 * MiB)]
    public async Task A_cancelled_upload_leaves_nothing_visible_and_nothing_to_reclaim(int cancelAfter)
    {
        using var cancel = new CancellationTokenSource();
        var stream = new EndlessStream(afterBytes: cancelAfter, onReached: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync(stream, 100 * MiB, cancel.Token));

        Assert.Empty(await Store.ListWrittenBeforeAsync(DateTimeOffset.MaxValue, Ct).ToListAsync(Ct));
        await Store.DeleteAbandonedUploadsAsync(DateTimeOffset.MaxValue, Ct);
        Assert.Equal(0, await CountObjectsAsync());
    }

    [Fact]
    public async Task Only_uploads_a_crash_interrupted_before_the_given_time_are_reclaimed()
    {
        var kept = await Store.PutAsync(new MemoryStream(Bytes(1000)), 1000, Ct);
        await LeaveInterruptedUploadAsync();
        var interrupted = await CountObjectsAsync() - 1;
        Assert.True(interrupted > 0);
        var between = await AfterWritesAsync();
        await LeaveInterruptedUploadAsync();

        Assert.Equal(0, await Store.DeleteAbandonedUploadsAsync(DateTimeOffset.UnixEpoch, Ct));
        Assert.Equal(1 + (2 * interrupted), await CountObjectsAsync());

        Assert.Equal(interrupted, await Store.DeleteAbandonedUploadsAsync(between, Ct));
        Assert.Equal(1 + interrupted, await CountObjectsAsync());
        Assert.True(await Store.VerifyAsync(kept.Key, Ct));
        Assert.Equal(interrupted, await Store.DeleteAbandonedUploadsAsync(DateTimeOffset.MaxValue, Ct));
        Assert.Equal(1, await CountObjectsAsync());
    }

    [Fact]
    public async Task Concurrent_uploads_of_the_same_content_end_as_one_whole_blob()
    {
        var content = Bytes(2_000_000, seed: 7);

        var blobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.PutAsync(new MemoryStream(content), 5_000_000, Ct), Ct)));

        Assert.Single(blobs.Distinct());
        Assert.Equal(1, await CountObjectsAsync());
        Assert.True(await Store.VerifyAsync(blobs[0].Key, Ct));
        await using var read = await Store.OpenReadAsync(blobs[0].Key, Ct);
        Assert.Equal(content, await ReadAllAsync(read!));
    }

    [Fact]
    public async Task A_missing_key_reads_as_nothing()
    {
        var key = BlobKeys.ForSha256(new string('a', 64));

        Assert.Null(await Store.OpenReadAsync(key, Ct));
        Assert.False(await Store.ExistsAsync(key, Ct));
        Assert.False(await Store.DeleteAsync(key, Ct));
        Assert.False(await Store.VerifyAsync(key, Ct));
    }

    [Fact]
    public async Task Deleted_content_is_gone()
    {
        var blob = await Store.PutAsync(new MemoryStream(Bytes(1000)), 1000, Ct);

        Assert.True(await Store.DeleteAsync(blob.Key, Ct));

        Assert.False(await Store.ExistsAsync(blob.Key, Ct));
        Assert.Null(await Store.OpenReadAsync(blob.Key, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("sha256/e3/b0/../../../../etc/passwd")]
    [InlineData("sha256/E3/B0/E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("sha256/aa/bb/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("sha256/e3/b0/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("sha256/e3/b0/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n")]
    [InlineData("sha256\\e3\\b0\\e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("tmp/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("devoir de Léa.pdf")]
    public async Task Anything_but_a_blob_key_is_refused_before_any_request(string key)
    {
        await Store.PutAsync(new MemoryStream(), 0, Ct);
        var requests = Requests;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.VerifyAsync(key, Ct));

        Assert.Equal(requests, Requests);
        Assert.Equal(1, await CountObjectsAsync());
    }

    [Fact]
    public async Task Verify_detects_altered_content()
    {
        var kept = await Store.PutAsync(new MemoryStream(Bytes(10_000, seed: 3)), 10_000, Ct);
        var altered = await Store.PutAsync(new MemoryStream(Bytes(10_000, seed: 4)), 10_000, Ct);

        await CorruptAsync(altered.Key);

        Assert.True(await Store.VerifyAsync(kept.Key, Ct));
        Assert.False(await Store.VerifyAsync(altered.Key, Ct));
    }

    [Fact]
    public async Task Content_is_listed_by_when_it_was_last_written()
    {
        var blob = await Store.PutAsync(new MemoryStream(Bytes(10)), 10, Ct);

        var listed = await Store.ListWrittenBeforeAsync(DateTimeOffset.MaxValue, Ct).ToListAsync(Ct);
        var none = await Store.ListWrittenBeforeAsync(DateTimeOffset.UnixEpoch, Ct).ToListAsync(Ct);

        Assert.Equal([blob], listed);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Content_written_before_an_instant_is_listed_and_storing_it_again_makes_it_recent()
    {
        var content = Bytes(100);
        var old = await Store.PutAsync(new MemoryStream(content), 100, Ct);
        var other = await Store.PutAsync(new MemoryStream(Bytes(100, seed: 9)), 100, Ct);
        var between = await AfterWritesAsync();
        var recent = await Store.PutAsync(new MemoryStream(Bytes(100, seed: 10)), 100, Ct);

        var listed = await Store.ListWrittenBeforeAsync(between, Ct).ToListAsync(Ct);
        Assert.Equal(new[] { old, other }.OrderBy(b => b.Key, StringComparer.Ordinal), listed.OrderBy(b => b.Key, StringComparer.Ordinal));
        Assert.DoesNotContain(recent, listed);

        await Store.PutAsync(new MemoryStream(content), 100, Ct);

        Assert.Equal([other], await Store.ListWrittenBeforeAsync(between, Ct).ToListAsync(Ct));
    }

    /// <summary>
    /// 50 MB in and out while the process allocates a fraction of it: the content streams through
    /// one buffer (one part for S3), never whole in memory, and the read stream does not buffer the
    /// object. Measured alone (the collection runs without parallel tests).
    /// </summary>
    [Fact]
    public async Task Fifty_megabytes_go_in_and_out_with_flat_memory()
    {
        const long length = 50L * MiB;
        var upload = new GeneratedStream(length, seed: 50);
        var readBuffer = new byte[81920];
        using var readHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await Store.PutAsync(new GeneratedStream(1, seed: 1), 1, Ct); // the first request's one-off costs (connections, signers)

        var beforePut = GC.GetTotalAllocatedBytes(precise: true);
        var blob = await Store.PutAsync(upload, length, Ct);
        var put = GC.GetTotalAllocatedBytes(precise: true) - beforePut;

        var beforeRead = GC.GetTotalAllocatedBytes(precise: true);
        long readLength = 0;
        await using (var read = await Store.OpenReadAsync(blob.Key, Ct))
        {
            int n;
            while ((n = await read!.ReadAsync(readBuffer, Ct)) > 0)
            {
                readHash.AppendData(readBuffer, 0, n);
                readLength += n;
            }
        }

        var got = GC.GetTotalAllocatedBytes(precise: true) - beforeRead;

        Assert.Equal(upload.Sha256, blob.Sha256);
        Assert.Equal(length, blob.Length);
        Assert.Equal(length, readLength);
        Assert.Equal(blob.Sha256, Convert.ToHexStringLower(readHash.GetHashAndReset()));
        TestContext.Current.TestOutputHelper?.WriteLine($"{GetType().Name}: 50 MiB stored allocating {put / 1024} KiB, read allocating {got / 1024} KiB");
        Assert.InRange(put, 0, length / 5);
        Assert.InRange(got, 0, length / 10);
    }

    /// <summary>A given length of seeded pseudo-random bytes, made as they are read (never whole in memory), with their SHA-256 once read.</summary>
    private sealed class GeneratedStream(long length, int seed) : ForwardReadStream
    {
        private readonly Random _random = new(seed);
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _served;

        public string Sha256 { get; private set; } = "";

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _served);
            _random.NextBytes(buffer[..n]);
            _hash.AppendData(buffer[..n]);
            _served += n;
            if (n == 0 && Sha256.Length == 0)
            {
                Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            }

            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Serves pseudo-random bytes for ever, without Length or seeking, as a network upload; counts what it served.</summary>
    private sealed class EndlessStream(long afterBytes = long.MaxValue, Action? onReached = null) : ForwardReadStream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, 16_384);
            Random.Shared.NextBytes(buffer.AsSpan(offset, n));
            Served += n;
            if (Served >= afterBytes)
            {
                onReached?.Invoke();
            }

            return n;
        }
    }
}
