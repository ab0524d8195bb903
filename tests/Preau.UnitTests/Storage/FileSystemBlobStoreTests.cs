using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Storage;

namespace Preau.UnitTests.Storage;

/// <summary>The blob store contract on the local file system, plus what only the file system shows.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("preau-blobs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 14, 7, 45, 0, TimeSpan.Zero));
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root, _clock);

    protected override IBlobStore Store => _store;

    protected override Task<int> CountObjectsAsync() =>
        Task.FromResult(System.IO.Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count());

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

    [Fact]
    public async Task Only_uploads_abandoned_before_the_given_time_are_deleted()
    {
        var tmp = Path.Combine(_root, "tmp");
        var old = Path.Combine(tmp, "0123456789abcdef0123456789abcdef.upload");
        var recent = Path.Combine(tmp, "fedcba9876543210fedcba9876543210.upload");
        await File.WriteAllBytesAsync(old, Bytes(100), Ct);
        await File.WriteAllBytesAsync(recent, Bytes(100), Ct);
        File.SetLastWriteTimeUtc(old, new DateTime(2026, 9, 12, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(recent, new DateTime(2026, 9, 14, 7, 0, 0, DateTimeKind.Utc));

        var deleted = await Store.DeleteAbandonedUploadsAsync(_clock.GetUtcNow().AddDays(-1), Ct);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    [Fact]
    public async Task Storing_content_again_makes_it_recent()
    {
        var content = Bytes(100);
        var blob = await Store.PutAsync(new MemoryStream(content), 100, Ct);
        _clock.Advance(TimeSpan.FromDays(3));
        var dayBefore = _clock.GetUtcNow().AddDays(-1);
        Assert.Equal([blob], await Store.ListWrittenBeforeAsync(dayBefore, Ct).ToListAsync(Ct));

        await Store.PutAsync(new MemoryStream(content), 100, Ct);

        Assert.Empty(await Store.ListWrittenBeforeAsync(dayBefore, Ct).ToListAsync(Ct));
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}
