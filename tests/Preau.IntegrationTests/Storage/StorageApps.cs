using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// An application whose background workers stay off, so the tests run the collector in step, and
/// whose guests have a 1 MB quota (a setting over the defaults).
/// </summary>
public class StorageApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Workers"] = "false",
        ["Storage:Quota:Guest"] = "1 MB",
    };
}

public sealed class SqliteStorageApp() : StorageApp(DatabaseKind.Sqlite);

public sealed class PostgresStorageApp() : StorageApp(DatabaseKind.Postgres);

internal static class StorageData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> WithAsync<TService, T>(this PreauApp app, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<StoredBlob> StoreAsync(this PreauApp app, byte[] content) =>
        app.WithAsync<BlobRegistry, StoredBlob>(r => r.StoreAsync(new MemoryStream(content), 10_000_000, Ct));

    public static Task<bool> ReleaseAsync(this PreauApp app, string key) =>
        app.WithAsync<BlobRegistry, bool>(r => r.ReleaseAsync(key, Ct));

    public static Task<int?> RefCountAsync(this PreauApp app, string key) =>
        app.WithAsync<BlobRegistry, int?>(r => r.RefCountAsync(key, Ct));

    public static Task<BlobCollection> CollectAsync(this PreauApp app) =>
        app.WithAsync<OrphanBlobCollector, BlobCollection>(c => c.CollectAsync(Ct));

    public static Task<bool> BlobExistsAsync(this PreauApp app, string key) =>
        app.Services.GetRequiredService<IBlobStore>().ExistsAsync(key, Ct);

    /// <summary>Content no other test stores (each test class shares one application).</summary>
    public static byte[] UniqueContent(int length = 4096)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
