using System.Security.Cryptography;
using Preau.Platform.Storage;

namespace Preau.UnitTests.Storage;

/// <summary>
/// What every blob store must do, whatever holds the bytes: the file system here, an S3-compatible
/// server later (a subclass supplying its store and its two hooks runs the same tests).
/// </summary>
public abstract class BlobStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }

    /// <summary>Everything the store holds, finished or not (content, uploads in progress).</summary>
    protected abstract Task<int> CountObjectsAsync();

    /// <summary>Changes one byte of stored content behind the store's back (a disk fault).</summary>
    protected abstract Task CorruptAsync(string key);

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
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

    [Fact]
    public async Task Content_past_the_limit_is_refused_and_leaves_nothing()
    {
        var content = Bytes(100_001);

        var refused = await Assert.ThrowsAsync<BlobTooLargeException>(() => Store.PutAsync(new MemoryStream(content), 100_000, Ct));

        Assert.Equal(100_000, refused.MaxBytes);
        Assert.Equal(0, await CountObjectsAsync());
        var exactly = await Store.PutAsync(new MemoryStream(content, 0, 100_000), 100_000, Ct);
        Assert.Equal(100_000, exactly.Length);
    }

    [Fact]
    public async Task An_endless_upload_is_cut_at_the_limit_without_reading_it_all()
    {
        var endless = new EndlessStream();

        await Assert.ThrowsAsync<BlobTooLargeException>(() => Store.PutAsync(endless, 1_000_000, Ct));

        Assert.InRange(endless.Served, 1_000_001, 1_200_000);
        Assert.Equal(0, await CountObjectsAsync());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing()
    {
        using var cancel = new CancellationTokenSource();
        var stream = new EndlessStream(afterBytes: 500_000, onReached: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync(stream, 10_000_000, cancel.Token));

        Assert.Equal(0, await CountObjectsAsync());
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
    public async Task Anything_but_a_blob_key_is_refused(string key)
    {
        await Store.PutAsync(new MemoryStream(), 0, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.VerifyAsync(key, Ct));
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

    /// <summary>Serves pseudo-random bytes for ever, without Length or seeking, as a network upload; counts what it served.</summary>
    private sealed class EndlessStream(long afterBytes = long.MaxValue, Action? onReached = null) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

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

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
