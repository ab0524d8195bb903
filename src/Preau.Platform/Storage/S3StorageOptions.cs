using Microsoft.Extensions.Options;

namespace Preau.Platform.Storage;

/// <summary>The <c>Storage:S3</c> section: the S3-compatible object store that holds the blobs when <c>Storage:Provider</c> is S3.</summary>
public sealed class S3StorageOptions
{
    /// <summary>S3 allows no part under 5 MiB but the last one.</summary>
    public const long MinPartBytes = 5L * 1024 * 1024;

    /// <summary>Each upload in progress holds one part in memory.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>The endpoint (<c>http://127.0.0.1:9000</c> for MinIO, <c>http://127.0.0.1:3900</c> for Garage); empty: AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bucket, created beforehand; Préau keeps <c>sha256/</c> (content) and <c>tmp/</c> (uploads in progress) in it.</summary>
    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The signing region (<c>us-east-1</c> for MinIO and s3rver, <c>garage</c> for Garage by default).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Addresses the bucket in the path (<c>http://host/bucket/key</c>), as MinIO and Garage expect; false: as a host name (<c>bucket.host</c>).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>The size of each part of a multipart upload ("8 MB"), from 5 MB to 64 MB: what one upload holds in memory.</summary>
    public string PartSize { get; set; } = "8 MB";

    public long PartBytes => ByteSizes.Parse(PartSize);
}

/// <summary>Stops the start with every missing or wrong S3 setting named, rather than failing at the first upload.</summary>
public sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        var missing = new (string Key, string? Value)[]
        {
            ("Bucket", s3.Bucket), ("AccessKey", s3.AccessKey), ("SecretKey", s3.SecretKey), ("Region", s3.Region),
        }.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => "Storage:S3:" + s.Key).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"Storage:Provider is S3, but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"Storage:S3:ServiceUrl must be an http:// or https:// address (\"{s3.ServiceUrl}\").");
        }

        if (!ByteSizes.TryParse(s3.PartSize, out var part) || part < S3StorageOptions.MinPartBytes || part > S3StorageOptions.MaxPartBytes)
        {
            failures.Add($"Storage:S3:PartSize takes a size from 5 MB to 64 MB (\"{s3.PartSize}\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
