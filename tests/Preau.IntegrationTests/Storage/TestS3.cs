using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Preau.Platform.Storage;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// The S3-compatible server of the tests: <c>PREAU_TEST_S3</c> gives its endpoint (./test.sh starts
/// s3rver with scripts/s3.sh and sets it); access and secret key <c>S3RVER</c> unless
/// <c>PREAU_TEST_S3_ACCESS_KEY</c> and <c>PREAU_TEST_S3_SECRET_KEY</c> say otherwise (a MinIO, say);
/// region us-east-1, path-style. Each test creates a bucket of its own and deletes it after.
/// Without the variable the S3 tests fail, as the PostgreSQL tests do without theirs.
/// </summary>
internal static class TestS3
{
    public const string Variable = "PREAU_TEST_S3";

    public static S3StorageOptions Options(string bucket)
    {
        var endpoint = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException(
                $"S3 tests need {Variable} (the endpoint of an S3-compatible server where buckets may be created, e.g. http://127.0.0.1:9000; " +
                "keys S3RVER/S3RVER unless PREAU_TEST_S3_ACCESS_KEY and PREAU_TEST_S3_SECRET_KEY are set). " +
                "The README's test command, ./test.sh, starts a throwaway server (scripts/s3.sh) and sets it.");
        }

        return new S3StorageOptions
        {
            ServiceUrl = endpoint,
            Bucket = bucket,
            AccessKey = Environment.GetEnvironmentVariable("PREAU_TEST_S3_ACCESS_KEY") ?? "S3RVER",
            SecretKey = Environment.GetEnvironmentVariable("PREAU_TEST_S3_SECRET_KEY") ?? "S3RVER",
            Region = "us-east-1",
            ForcePathStyle = true,
            PartSize = "5 MB",
        };
    }

    public static string NewBucket() => "preau-test-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Everything in the bucket, finished or not: objects and multipart uploads in progress.</summary>
    public static async Task<int> CountAsync(IAmazonS3 s3, string bucket, CancellationToken ct)
    {
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, ct);
        var uploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, ct);
        return (objects.S3Objects?.Count ?? 0) + (uploads.MultipartUploads?.Count ?? 0);
    }

    /// <summary>Empties the bucket (objects, uploads in progress), then deletes it.</summary>
    public static async Task DeleteBucketAsync(IAmazonS3 s3, string bucket)
    {
        var uploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = upload.Key, UploadId = upload.UploadId });
        }

        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            foreach (var o in page.S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = o.Key });
            }
        }
        while (page.S3Objects is { Count: > 0 });

        await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket });
    }

    /// <summary>Counts the HTTP requests a client sends.</summary>
    public sealed class RequestCounter : HttpClientFactory
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Counting(this, new SocketsHttpHandler()));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        private sealed class Counting(RequestCounter counter, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter._count);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
