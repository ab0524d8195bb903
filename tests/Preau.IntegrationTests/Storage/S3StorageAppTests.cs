using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Storage;

/// <summary>The whole application with <c>Storage:Provider=S3</c>, on a bucket of its own on the tests' S3 server.</summary>
public sealed class S3StorageApp() : StorageApp(DatabaseKind.Sqlite)
{
    private S3StorageOptions? _s3;
    private AmazonS3Client? _admin;

    public string Bucket { get; } = TestS3.NewBucket();

    /// <summary>A client of the bucket beside the application's, to look at it.</summary>
    public IAmazonS3 Admin => _admin ?? throw new InvalidOperationException("The app is not initialized.");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var s3 = _s3 ?? throw new InvalidOperationException("The app is not initialized.");
            var settings = base.Settings;
            settings["Storage:Provider"] = "S3";
            settings["Storage:S3:ServiceUrl"] = s3.ServiceUrl;
            settings["Storage:S3:Bucket"] = s3.Bucket;
            settings["Storage:S3:AccessKey"] = s3.AccessKey;
            settings["Storage:S3:SecretKey"] = s3.SecretKey;
            settings["Storage:S3:Region"] = s3.Region;
            settings["Storage:S3:PartSize"] = s3.PartSize;
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        _s3 = TestS3.Options(Bucket);
        _admin = S3BlobStore.CreateClient(_s3);
        await _admin.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_admin is not null)
        {
            await TestS3.DeleteBucketAsync(_admin, Bucket);
            _admin.Dispose();
        }
    }
}

/// <summary>
/// The application on S3: the settings choose the store, and the registry and the orphan
/// collector work on the bucket as on the file system.
/// </summary>
public sealed class S3StorageAppTests(S3StorageApp app) : IClassFixture<S3StorageApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<bool> InBucketAsync(string key)
    {
        var listed = await app.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.Bucket, Prefix = key }, Ct);
        return listed.S3Objects is { Count: 1 };
    }

    [Fact]
    public async Task Content_is_stored_in_the_bucket_and_collected_from_it_a_day_after_its_last_reference()
    {
        var store = Assert.IsType<S3BlobStore>(app.Services.GetRequiredService<IBlobStore>());
        Assert.Equal(app.Bucket, store.Bucket);
        var kept = await app.StoreAsync(StorageData.UniqueContent());
        var orphan = await app.StoreAsync(StorageData.UniqueContent(6 * 1024 * 1024));
        Assert.True(await InBucketAsync(kept.Key));
        Assert.True(await InBucketAsync(orphan.Key));
        Assert.True(await store.VerifyAsync(orphan.Key, Ct));

        await app.ReleaseAsync(orphan.Key);
        app.Clock.Advance(TimeSpan.FromHours(25));
        var collected = await app.CollectAsync();

        Assert.Equal(1, collected.Blobs);
        Assert.Null(await app.RefCountAsync(orphan.Key));
        Assert.False(await InBucketAsync(orphan.Key));
        Assert.Equal(1, await app.RefCountAsync(kept.Key));
        Assert.True(await InBucketAsync(kept.Key));
        var listed = await app.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.Bucket, Prefix = "tmp/" }, Ct);
        Assert.Empty(listed.S3Objects ?? []);
    }
}

/// <summary>Incomplete S3 settings stop the start, naming every missing one.</summary>
public sealed class S3SettingsTests
{
    private sealed class IncompleteS3App() : PreauApp(DatabaseKind.Sqlite)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Jobs:Workers"] = "false",
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Storage:S3:AccessKey"] = "preau",
        };
    }

    [Fact]
    public async Task An_incomplete_s3_setting_stops_the_start_naming_what_is_missing()
    {
        await using var app = new IncompleteS3App();

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await app.InitializeAsync());

        var message = failure.ToString();
        Assert.Contains("Storage:Provider is S3, but Storage:S3:Bucket, Storage:S3:SecretKey are not set.", message, StringComparison.Ordinal);
    }
}
