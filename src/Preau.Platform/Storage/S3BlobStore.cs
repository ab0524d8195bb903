using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Preau.Platform.Storage;

/// <summary>
/// Blobs in one bucket of an S3-compatible object store (AWS S3, MinIO, Garage…):
/// <c>sha256/ab/cd/&lt;hex&gt;</c> for content, <c>tmp/</c> for uploads in progress.
/// <para>
/// The content is read one part at a time (<c>Storage:S3:PartSize</c>, 8 MB: the only memory an
/// upload holds) and hashed on the way. Content that fits in one part is known, hash and all,
/// before anything is sent, and is written under its key in one PUT, which S3 makes visible whole
/// or not at all. Longer content goes as a multipart upload to <c>tmp/&lt;id&gt;</c>, completed
/// once the last part is hashed, copied to its key inside the store, then deleted. An upload
/// refused, cancelled or failed is aborted (or its temporary object deleted); one a crash cut is
/// left to <see cref="DeleteAbandonedUploadsAsync"/>.
/// </para>
/// <para>
/// Content stored again is written again (its copy or PUT replaces the same bytes), so its
/// <c>LastModified</c>, which <see cref="ListWrittenBeforeAsync"/> reads, moves to now, as the
/// collector expects. S3 copies at most 5 GiB in one request: that is this store's largest blob.
/// </para>
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The largest object S3 copies in one request, so the largest blob here.</summary>
    public const long MaxBlobBytes = 5L * 1024 * 1024 * 1024;

    private const string ContentPrefix = "sha256/";
    private const string UploadPrefix = "tmp/";
    private const int ReadSize = 81920;

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly int _partBytes;

    public S3BlobStore(IAmazonS3 s3, string bucket, int partBytes)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentOutOfRangeException.ThrowIfLessThan(partBytes, (int)S3StorageOptions.MinPartBytes);
        _s3 = s3;
        _bucket = bucket;
        _partBytes = partBytes;
    }

    /// <summary>The store the <c>Storage:S3</c> settings describe (validated at start by <see cref="StorageOptionsValidation"/>).</summary>
    public static S3BlobStore Create(S3StorageOptions options, Action<AmazonS3Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new S3BlobStore(CreateClient(options, configure), options.Bucket!, (int)options.PartBytes);
    }

    /// <summary>
    /// A client for the settings. Checksums only when an operation requires them: the SDK's newer
    /// default (a CRC on every request, sent as a trailer) is not understood by every S3-compatible
    /// server, and the content's own SHA-256 is checked here anyway.
    /// </summary>
    /// <param name="options">The <c>Storage:S3</c> settings.</param>
    /// <param name="configure">Anything more (the tests count the requests through their own HTTP handler).</param>
    public static AmazonS3Client CreateClient(S3StorageOptions options, Action<AmazonS3Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        configure?.Invoke(config);

        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string Bucket => _bucket;

    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var limit = Math.Min(maxBytes, MaxBlobBytes);
        // One part, or less when the limit is lower: a 10 MB attachment never holds more.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(_partBytes, limit + 1));
        Upload? upload = null;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            int filled;
            do
            {
                // Never more than one byte past the limit: an endless upload is cut there.
                filled = await ReadPartAsync(content, buffer, (int)Math.Min(_partBytes, limit - length + 1), ct);
                length += filled;
                if (length > limit)
                {
                    throw new BlobTooLargeException(limit);
                }

                hash.AppendData(buffer, 0, filled);
                if (filled > 0 && (filled == _partBytes || upload is not null))
                {
                    upload ??= await Upload.StartAsync(_s3, _bucket, UploadPrefix + Guid.NewGuid().ToString("N"), ct);
                    await upload.SendPartAsync(buffer, filled, ct);
                }
            }
            while (filled == _partBytes);

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var key = BlobKeys.ForSha256(sha256);
            if (upload is null)
            {
                // Known whole before it is sent: one PUT, visible under its key whole or not at all.
                using var part = new MemoryStream(buffer, 0, filled, writable: false);
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = part, AutoCloseStream = false, UseChunkEncoding = false }, ct);
            }
            else
            {
                await upload.CompleteAsync(ct);
                await _s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = _bucket, SourceKey = upload.Key, DestinationBucket = _bucket, DestinationKey = key }, ct);
                await upload.DeleteAsync();
                upload = null;
            }

            return new StoredBlob(key, length, sha256);
        }
        catch when (upload is not null)
        {
            await upload.DeleteAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, ct);
            return new ObjectStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        try
        {
            await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        // S3 deletes without saying whether there was anything: asked first.
        if (!await ExistsAsync(key, ct))
        {
            return false;
        }

        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, ct);
        return true;
    }

    public Task<bool> VerifyAsync(string key, CancellationToken ct = default) => BlobKeys.VerifyAsync(this, key, ct);

    public async IAsyncEnumerable<StoredBlob> ListWrittenBeforeAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var o in ListAsync(ContentPrefix, ct))
        {
            if (BlobKeys.IsValid(o.Key) && o.LastModified is { } written && new DateTimeOffset(written.ToUniversalTime()) < before)
            {
                yield return new StoredBlob(o.Key, o.Size ?? 0, BlobKeys.Sha256Of(o.Key));
            }
        }
    }

    /// <summary>
    /// Temporary objects a crash left between completing and copying, and multipart uploads a crash
    /// cut (their parts are invisible but kept, and billed, until aborted). A bucket lifecycle rule
    /// "abort incomplete multipart uploads after a day" does the second part too, where there is one.
    /// </summary>
    public async Task<int> DeleteAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        var deleted = 0;
        var objects = new List<string>();
        await foreach (var o in ListAsync(UploadPrefix, ct))
        {
            if (o.LastModified is { } written && new DateTimeOffset(written.ToUniversalTime()) < before)
            {
                objects.Add(o.Key);
            }
        }

        foreach (var key in objects)
        {
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, ct);
            deleted++;
        }

        var request = new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = UploadPrefix };
        var abandoned = new List<MultipartUpload>();
        ListMultipartUploadsResponse page;
        do
        {
            page = await _s3.ListMultipartUploadsAsync(request, ct);
            abandoned.AddRange((page.MultipartUploads ?? []).Where(u => u.Initiated is { } at && new DateTimeOffset(at.ToUniversalTime()) < before));
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
        while (page.IsTruncated == true);

        foreach (var u in abandoned)
        {
            try
            {
                await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = u.Key, UploadId = u.UploadId }, ct);
                deleted++;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Completed or aborted meanwhile.
            }
        }

        return deleted;
    }

    public void Dispose() => _s3.Dispose();

    private async IAsyncEnumerable<S3Object> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return o;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    /// <summary>Reads <paramref name="size"/> bytes of the content, or what is left: a network upload comes in pieces.</summary>
    private static async Task<int> ReadPartAsync(Stream content, byte[] buffer, int size, CancellationToken ct)
    {
        var filled = 0;
        while (filled < size)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, Math.Min(ReadSize, size - filled)), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>A multipart upload to a temporary key, then the completed temporary object.</summary>
    private sealed class Upload(IAmazonS3 s3, string bucket, string key, string uploadId)
    {
        private readonly List<PartETag> _parts = [];
        private bool _completed;

        public string Key => key;

        public static async Task<Upload> StartAsync(IAmazonS3 s3, string bucket, string key, CancellationToken ct)
        {
            var started = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, ct);
            return new Upload(s3, bucket, key, started.UploadId);
        }

        public async Task SendPartAsync(byte[] buffer, int length, CancellationToken ct)
        {
            var number = _parts.Count + 1;
            using var part = new MemoryStream(buffer, 0, length, writable: false);
            var sent = await s3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number, InputStream = part, PartSize = length, UseChunkEncoding = false }, ct);
            _parts.Add(new PartETag(number, sent.ETag));
        }

        public async Task CompleteAsync(CancellationToken ct)
        {
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = _parts }, ct);
            _completed = true;
        }

        /// <summary>Aborts the upload, or deletes the completed temporary object; never cancelled, and never throws: the collector retries what fails here.</summary>
        public async Task DeleteAsync()
        {
            try
            {
                if (_completed)
                {
                    await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, CancellationToken.None);
                }
                else
                {
                    await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException)
            {
                // Left to DeleteAbandonedUploadsAsync.
            }
        }
    }

    /// <summary>The object's body as the server sends it, read forward, never buffered whole; disposing it closes the response.</summary>
    private sealed class ObjectStream(GetObjectResponse response) : ForwardReadStream
    {
        private readonly Stream _body = response.ResponseStream;

        public override long Length => response.ContentLength;

        public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => _body.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _body.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _body.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
