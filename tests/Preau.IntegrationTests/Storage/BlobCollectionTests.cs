using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Jobs;
using Preau.Platform.Storage;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// Blob references and the orphan collector: shared content is counted, released content goes a
/// day after its last reference, interrupted uploads and unregistered content are reclaimed, and a
/// reference taken while the collector runs never points at deleted content.
/// </summary>
public abstract class BlobCollectionTests(StorageApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IBlobStore Store => app.Services.GetRequiredService<IBlobStore>();

    [Fact]
    public async Task The_same_content_stored_twice_is_one_blob_with_two_references()
    {
        var content = StorageData.UniqueContent();

        var first = await app.StoreAsync(content);
        var second = await app.StoreAsync(content);

        Assert.Equal(first, second);
        Assert.Equal(2, await app.RefCountAsync(first.Key));
        Assert.Single(await Store.ListWrittenBeforeAsync(DateTimeOffset.MaxValue, Ct).Where(b => b.Key == first.Key).ToListAsync(Ct));
        Assert.True(await app.ReleaseAsync(first.Key));
        Assert.True(await app.ReleaseAsync(first.Key));
        Assert.False(await app.ReleaseAsync(first.Key));
        Assert.Equal(0, await app.RefCountAsync(first.Key));
        Assert.True(await app.WithAsync<BlobRegistry, bool>(r => r.AddRefAsync(first.Key, Ct)));
        Assert.Equal(1, await app.RefCountAsync(first.Key));
        Assert.False(await app.WithAsync<BlobRegistry, bool>(r => r.AddRefAsync(BlobKeys.ForSha256(new string('0', 64)), Ct)));
    }

    [Fact]
    public async Task Content_past_the_limit_is_neither_stored_nor_registered()
    {
        var content = StorageData.UniqueContent(2000);

        await Assert.ThrowsAsync<BlobTooLargeException>(() =>
            app.WithAsync<BlobRegistry, StoredBlob>(r => r.StoreAsync(new MemoryStream(content), 1999, Ct)));

        var key = BlobKeys.ForSha256(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        Assert.Null(await app.RefCountAsync(key));
        Assert.False(await app.BlobExistsAsync(key));
    }

    [Fact]
    public async Task Released_content_goes_a_day_after_its_last_reference_and_referenced_content_stays()
    {
        var kept = await app.StoreAsync(StorageData.UniqueContent());
        var orphan = await app.StoreAsync(StorageData.UniqueContent());
        var later = await app.StoreAsync(StorageData.UniqueContent());
        var taken = await app.StoreAsync(StorageData.UniqueContent());
        await app.ReleaseAsync(orphan.Key);
        await app.ReleaseAsync(taken.Key);
        app.Clock.Advance(TimeSpan.FromHours(12));
        await app.ReleaseAsync(later.Key);
        Assert.True(await app.WithAsync<BlobRegistry, bool>(r => r.AddRefAsync(taken.Key, Ct)));

        app.Clock.Advance(TimeSpan.FromHours(13));
        await app.CollectAsync();

        Assert.Null(await app.RefCountAsync(orphan.Key));
        Assert.False(await app.BlobExistsAsync(orphan.Key));
        foreach (var blob in new[] { kept, later, taken })
        {
            Assert.True(await app.BlobExistsAsync(blob.Key));
            Assert.NotNull(await app.RefCountAsync(blob.Key));
        }

        app.Clock.Advance(TimeSpan.FromHours(12));
        await app.CollectAsync();
        Assert.False(await app.BlobExistsAsync(later.Key));
        Assert.True(await app.BlobExistsAsync(kept.Key));
        Assert.True(await app.BlobExistsAsync(taken.Key));
    }

    [Fact]
    public async Task Interrupted_uploads_and_unregistered_content_are_reclaimed()
    {
        // A crash mid-upload leaves a file in tmp/; a crash between storing and registering leaves
        // content no row knows.
        var root = ((FileSystemBlobStore)Store).Root;
        var interrupted = Path.Combine(root, "tmp", Guid.NewGuid().ToString("N") + ".upload");
        await File.WriteAllBytesAsync(interrupted, StorageData.UniqueContent(), Ct);
        File.SetLastWriteTimeUtc(interrupted, app.Clock.GetUtcNow().UtcDateTime);
        var unregistered = await Store.PutAsync(new MemoryStream(StorageData.UniqueContent()), 10_000, Ct);
        var restored = await Store.PutAsync(new MemoryStream(StorageData.UniqueContent()), 10_000, Ct);

        await app.CollectAsync();
        Assert.True(File.Exists(interrupted));
        Assert.Null(await app.RefCountAsync(unregistered.Key));

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await app.CollectAsync();
        Assert.False(File.Exists(interrupted));
        Assert.Equal(0, await app.RefCountAsync(unregistered.Key));
        Assert.True(await app.BlobExistsAsync(unregistered.Key));

        // Someone stores the same content before the next run: it is theirs now.
        await using (var read = await Store.OpenReadAsync(restored.Key, Ct))
        {
            await app.WithAsync<BlobRegistry, StoredBlob>(r => r.StoreAsync(read!, 10_000, Ct));
        }

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await app.CollectAsync();
        Assert.False(await app.BlobExistsAsync(unregistered.Key));
        Assert.Null(await app.RefCountAsync(unregistered.Key));
        Assert.True(await app.BlobExistsAsync(restored.Key));
        Assert.Equal(1, await app.RefCountAsync(restored.Key));
    }

    [Fact]
    public async Task References_taken_while_the_collector_runs_never_point_at_deleted_content()
    {
        var blobs = new List<StoredBlob>();
        for (var i = 0; i < 40; i++)
        {
            var blob = await app.StoreAsync(StorageData.UniqueContent(1024));
            await app.ReleaseAsync(blob.Key);
            blobs.Add(blob);
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        var collecting = Task.Run(app.CollectAsync, Ct);
        var referenced = await Task.WhenAll(blobs.Select(b => Task.Run(() => app.WithAsync<BlobRegistry, bool>(r => r.AddRefAsync(b.Key, Ct)), Ct)));
        await collecting;

        for (var i = 0; i < blobs.Count; i++)
        {
            var refs = await app.RefCountAsync(blobs[i].Key);
            var exists = await app.BlobExistsAsync(blobs[i].Key);
            if (referenced[i])
            {
                Assert.Equal(1, refs);
                Assert.True(exists);
            }
            else
            {
                Assert.Null(refs);
                Assert.False(exists);
            }
        }

        // Whatever the interleaving, a second run takes nothing referenced.
        await app.CollectAsync();
        Assert.All(blobs.Where((_, i) => referenced[i]), b => Assert.True(File.Exists(Path.Combine(((FileSystemBlobStore)Store).Root, b.Key))));
    }

    [Fact]
    public void The_collector_runs_every_night_from_the_job_queue()
    {
        var recurring = Assert.Single(app.Services.GetServices<RecurringJob>(), r => r.Kind == OrphanBlobCollector.Kind);
        Assert.Equal(new TimeOnly(3, 30), recurring.Schedule.At);
        Assert.Null(recurring.Schedule.Day);
        Assert.Contains(app.Services.GetServices<JobHandlerRegistration>(), h => h.Kind == OrphanBlobCollector.Kind && h.Handler == typeof(OrphanBlobCollector));
    }
}

public sealed class SqliteBlobCollectionTests(SqliteStorageApp app) : BlobCollectionTests(app), IClassFixture<SqliteStorageApp>;

public sealed class PostgresBlobCollectionTests(PostgresStorageApp app) : BlobCollectionTests(app), IClassFixture<PostgresStorageApp>;
