using Preau.Platform.Kernel;

namespace Preau.Platform.Storage;

/// <summary>Bound from the "Storage" section: where blobs live, when orphans go, each profile's quota.</summary>
public sealed class StorageOptions
{
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

    public string FullPath(string dataPath) =>
        System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path) ? "blobs" : Path, dataPath);
}
