using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Storage;

namespace Preau.IntegrationTests.Storage;

/// <summary>The blob store contract on the local file system, plus what only the file system shows.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("preau-blobs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 14, 7, 45, 0, TimeSpan.Zero));
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root, _clock);

    protected override IBlobStore Store => _store;

    protected override Task<int> CountObjectsAsync() =>
        Task.FromResult(System.IO.Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count());

    protected override long Requests => 0;

    protected override async Task LeaveInterruptedUploadAsync()
    {
        var upload = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N") + ".upload");
        await File.WriteAllBytesAsync(upload, Bytes(100), Ct);
        File.SetLastWriteTimeUtc(upload, _clock.GetUtcNow().UtcDateTime);
    }

    protected override Task<DateTimeOffset> AfterWritesAsync()
    {
        _clock.Advance(TimeSpan.FromDays(1));
        return Task.FromResult(_clock.GetUtcNow() - TimeSpan.FromHours(12));
    }

    protected override async Task CorruptAsync(string key)
    {
        var path = Path.Combine(_root, key);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes, Ct);
    }

    [Fact]
    public async Task Content_lives_in_nested_folders_named_by_its_hash_and_nothing_is_left_in_tmp()
    {
        var blob = await Store.PutAsync(new MemoryStream(Bytes(2048)), 4096, Ct);

        Assert.True(File.Exists(Path.Combine(_root, "sha256", blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256)));
        Assert.Empty(System.IO.Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    public override async ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        await base.DisposeAsync();
    }
}
