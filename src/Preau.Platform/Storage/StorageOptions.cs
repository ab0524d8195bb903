using Preau.Platform.Kernel;

namespace Preau.Platform.Storage;

/// <summary>Where blob content lives.</summary>
public enum StorageProvider
{
    /// <summary>Files under the data folder (<see cref="FileSystemBlobStore"/>), the default.</summary>
    FileSystem,

    /// <summary>An S3-compatible object store (<see cref="S3BlobStore"/>): AWS S3, MinIO, Garage…</summary>
    S3,
}

/// <summary>Bound from the "Storage" section: where blobs live, when orphans go, each profile's quota.</summary>
public sealed class StorageOptions
{
    /// <summary><c>FileSystem</c> (the default) or <c>S3</c>, with the <c>Storage:S3</c> settings.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>The object store when <see cref="Provider"/> is S3.</summary>
    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>The blob folder; empty: <c>blobs</c> in the data folder. A relative path starts at the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>How long a blob stays without any reference (or an upload unfinished) before the collector deletes it.</summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>When the orphan collector runs ("03:30" every day, Europe/Paris; or "Sunday 03:30").</summary>
    public string Collect { get; set; } = "03:30";

    /// <summary>Each profile's storage quota, as a size ("100 MB", "1 Go", or bytes): <c>Storage:Quota:Student</c>.</summary>
    public Dictionary<Profile, string> Quota { get; set; } = new()
    {
        [Profile.Student] = "100 MB",
        [Profile.Relative] = "100 MB",
        [Profile.Teacher] = "1 GB",
        [Profile.Personnel] = "1 GB",
        [Profile.Periscolaire] = "500 MB",
        [Profile.Guest] = "20 MB",
    };

    /// <summary>
    /// Tests only, never set in production: a file path. When set, an upload charged to a quota
    /// (<see cref="QuotaStore"/>) writes its blob key there as soon as its bytes are in the store,
    /// then waits for ever before counting anything, so that a test can kill the process at that
    /// very point (<c>Storage:TestingHoldAfterStore</c>).
    /// </summary>
    public string? TestingHoldAfterStore { get; set; }

    public string FullPath(string dataPath) =>
        System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path) ? "blobs" : Path, dataPath);
}
