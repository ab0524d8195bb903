using Amazon.S3;
using Amazon.S3.Model;
using Preau.Platform.Storage;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// The blob store contract on a real S3-compatible server on loopback (PREAU_TEST_S3: s3rver,
/// started by ./test.sh), in a bucket of its own for each test, with 5 MB parts; plus what only
/// the bucket shows.
/// </summary>
public sealed class S3BlobStoreTests : BlobStoreContract
{
    private readonly string _bucket = TestS3.NewBucket();
    private readonly TestS3.RequestCounter _requests = new();
    private S3BlobStore? _store;
    private AmazonS3Client? _admin;

    protected override IBlobStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    private AmazonS3Client Admin => _admin ?? throw new InvalidOperationException("Not initialized.");

    protected override long Requests => _requests.Count;

    public override async ValueTask InitializeAsync()
    {
        var options = TestS3.Options(_bucket);
        _admin = S3BlobStore.CreateClient(options);
        await _admin.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, Ct);
        _store = S3BlobStore.Create(options, config => config.HttpClientFactory = _requests);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await TestS3.DeleteBucketAsync(_admin, _bucket);
            _admin.Dispose();
        }

        _store?.Dispose();
        await base.DisposeAsync();
    }

    protected override Task<int> CountObjectsAsync() => TestS3.CountAsync(Admin, _bucket, Ct);

    protected override async Task CorruptAsync(string key)
    {
        byte[] bytes;
        using (var response = await Admin.GetObjectAsync(_bucket, key, Ct))
        {
            bytes = await ReadAllAsync(response.ResponseStream);
        }

        bytes[bytes.Length / 2] ^= 0x01;
        await Admin.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false }, Ct);
    }

    /// <summary>A crash mid-upload leaves a multipart upload never completed; one between completing and copying, a temporary object.</summary>
    protected override async Task LeaveInterruptedUploadAsync()
    {
        var started = await Admin.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = "tmp/" + Guid.NewGuid().ToString("N") }, Ct);
        await Admin.UploadPartAsync(new UploadPartRequest { BucketName = _bucket, Key = started.Key, UploadId = started.UploadId, PartNumber = 1, InputStream = new MemoryStream(Bytes(1000)), UseChunkEncoding = false }, Ct);
        await Admin.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "tmp/" + Guid.NewGuid().ToString("N"), InputStream = new MemoryStream(Bytes(1000)), UseChunkEncoding = false }, Ct);
    }

    /// <summary>The server's clock is the real one, and S3 dates to the second: a second and more on each side.</summary>
    protected override async Task<DateTimeOffset> AfterWritesAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Ct);
        var between = TimeProvider.System.GetUtcNow();
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Ct);
        return between;
    }

    [Fact]
    public async Task Content_longer_than_a_part_ends_under_its_key_alone_in_the_bucket()
    {
        var blob = await Store.PutAsync(new MemoryStream(Bytes(7 * 1024 * 1024)), 10_000_000, Ct);

        var objects = await Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, Ct);
        var uploads = await Admin.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket }, Ct);
        Assert.Equal([blob.Key], objects.S3Objects?.Select(o => o.Key) ?? []);
        Assert.Empty(uploads.MultipartUploads ?? []);
        Assert.Equal(blob.Length, objects.S3Objects![0].Size);
    }
}
