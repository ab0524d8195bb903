using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// The real host killed (SIGKILL) in the middle of an upload, then restarted on the same data
/// folder and database: no document, no partial content under a key, the quota as it was, and
/// after the orphan collector nothing left on disk. Twice: while the bytes stream in, and at the
/// worst instant, the bytes stored but nothing yet counted (a test-only fault point holds the
/// request there: <c>Storage:TestingHoldAfterStore</c>).
/// </summary>
public sealed class UploadCrashTests
{
    private const int Megabyte = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kill_while_the_bytes_stream_in_leaves_no_document_no_partial_blob_and_nothing_the_collector_keeps()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-crash-").FullName;
        try
        {
            var blobs = Path.Combine(folder, "blobs");
            var gate = new TaskCompletionSource();
            long usedBefore;
            string[] keysBefore;
            await using (var host = await RealHost.StartAsync(folder, [], Ct))
            {
                using var claire = await host.SignedInClientAsync(Personas.Claire);
                usedBefore = await UsedAsync(claire);
                keysBefore = Keys(blobs);

                // 64 MB announced; 8 MB sent, then the body waits: the host is killed meanwhile.
                var upload = UploadAsync(claire, await TokenAsync(claire), new StalledContent(64 * Megabyte, 8 * Megabyte, gate.Task));
                await WaitUntilAsync(() => Temporary(blobs).Any(f => f.Length >= Megabyte), "part of the upload is on disk");
                await host.KillAsync();
                gate.SetResult();
                await Assert.ThrowsAnyAsync<Exception>(() => upload);
            }

            Assert.NotEmpty(Temporary(blobs));
            Assert.Equal(keysBefore, Keys(blobs));

            await using var restarted = new RestartedApp(folder);
            await restarted.InitializeAsync();
            var me = await restarted.MeAsync(Personas.Claire);
            Assert.Equal(0, await restarted.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.OwnerId == me.Id, Ct)));
            Assert.Equal(usedBefore, (await restarted.WithAsync<StorageQuota, StorageStatus?>(q => q.StatusAsync(me.Id, Ct)))!.UsedBytes);

            // A day later the collector deletes the interrupted upload.
            restarted.Clock.SetUtcNow(TimeProvider.System.GetUtcNow() + TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
            var collected = await restarted.WithAsync<OrphanBlobCollector, BlobCollection>(c => c.CollectAsync(Ct));
            Assert.True(collected.AbandonedUploads >= 1, $"{collected}");
            Assert.Empty(Temporary(blobs));
            Assert.Equal(keysBefore, Keys(blobs));
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task A_kill_after_the_bytes_are_stored_but_before_anything_is_counted_leaves_an_orphan_the_collector_reclaims()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-crash-").FullName;
        try
        {
            var blobs = Path.Combine(folder, "blobs");
            var hold = Path.Combine(folder, "held-after-store.txt");
            var content = DocumentsBytes(3 * Megabyte);
            long usedBefore;
            string key;
            await using (var host = await RealHost.StartAsync(folder, [$"--Storage:TestingHoldAfterStore={hold}"], Ct))
            {
                using var claire = await host.SignedInClientAsync(Personas.Claire);
                usedBefore = await UsedAsync(claire);
                var upload = UploadAsync(claire, await TokenAsync(claire), new ByteArrayContent(content));
                await WaitUntilAsync(() => File.Exists(hold) && new FileInfo(hold).Length > 0, "the host holds after storing");
                key = await File.ReadAllTextAsync(hold, Ct);
                Assert.True(File.Exists(Path.Combine(blobs, key)), "the whole content is under its key");
                await host.KillAsync();
                await Assert.ThrowsAnyAsync<Exception>(() => upload);
            }

            await using var restarted = new RestartedApp(folder);
            await restarted.InitializeAsync();
            var me = await restarted.MeAsync(Personas.Claire);
            Assert.Equal(0, await restarted.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.OwnerId == me.Id, Ct)));
            Assert.Equal(usedBefore, (await restarted.WithAsync<StorageQuota, StorageStatus?>(q => q.StatusAsync(me.Id, Ct)))!.UsedBytes);
            Assert.Null(await restarted.WithAsync<BlobRegistry, int?>(r => r.RefCountAsync(key, Ct)));

            // The collector finds content no row knows, registers it as unreferenced, and deletes it one grace period later.
            restarted.Clock.SetUtcNow(TimeProvider.System.GetUtcNow() + TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
            var first = await restarted.WithAsync<OrphanBlobCollector, BlobCollection>(c => c.CollectAsync(Ct));
            Assert.True(first.Adopted >= 1, $"{first}");
            Assert.Equal(0, await restarted.WithAsync<BlobRegistry, int?>(r => r.RefCountAsync(key, Ct)));
            restarted.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
            var second = await restarted.WithAsync<OrphanBlobCollector, BlobCollection>(c => c.CollectAsync(Ct));
            Assert.True(second.Blobs >= 1, $"{second}");
            Assert.False(File.Exists(Path.Combine(blobs, key)), "no orphan file is left on disk");
            Assert.Null(await restarted.WithAsync<BlobRegistry, int?>(r => r.RefCountAsync(key, Ct)));
        }
        finally
        {
            Delete(folder);
        }
    }

    private static byte[] DocumentsBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static Task<string> TokenAsync(HttpClient client) => PreauApp.AntiforgeryTokenAsync(client, "/account");

    private static async Task<long> UsedAsync(HttpClient client)
    {
        var usage = await client.GetStringAsync("/api/v1/documents/usage", Ct);
        return JsonDocument.Parse(usage).RootElement.GetProperty("usedBytes").GetInt64();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, HttpContent part)
    {
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { part, "file", "gros.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents/files") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request, Ct);
    }

    private static FileInfo[] Temporary(string blobs) =>
        System.IO.Directory.Exists(Path.Combine(blobs, "tmp")) ? new DirectoryInfo(Path.Combine(blobs, "tmp")).GetFiles("*", SearchOption.AllDirectories) : [];

    private static string[] Keys(string blobs) =>
        System.IO.Directory.Exists(Path.Combine(blobs, "sha256"))
            ? [.. System.IO.Directory.GetFiles(Path.Combine(blobs, "sha256"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"Timed out waiting until {what}.");
            await Task.Delay(100, Ct);
        }
    }

    private static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }
    }

    /// <summary>
    /// The application started again in this process on the killed host's data folder and database,
    /// with a clock the test moves. Its job workers stay off: the recurring collector would otherwise
    /// run on the moved clock alongside the test's own collection and take the orphan first.
    /// </summary>
    private sealed class RestartedApp(string folder) : PreauApp
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Preau:DataPath"] = folder;
                settings["Database:Provider"] = "Sqlite";
                settings["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "preau.db")};Pooling=True";
                settings["Jobs:Workers"] = "false";
                return settings;
            }
        }

        public override ValueTask InitializeAsync()
        {
            Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
            return base.InitializeAsync();
        }
    }

    /// <summary>A body that announces <c>total</c> bytes, sends <c>sent</c>, then waits for <c>gate</c> and fails.</summary>
    private sealed class StalledContent(long total, int sent, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var written = 0; written < sent; written += chunk.Length)
            {
                Random.Shared.NextBytes(chunk);
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
            }

            await gate;
            throw new IOException("The upload was cut.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = total;
            return true;
        }
    }
}
