namespace Preau.Platform.Storage;

/// <summary>
/// A blob the application holds (sto_blobs): how many references its owners (attachments,
/// documents, versions…) keep to it, and since when it has none, for the orphan collector.
/// </summary>
internal sealed class BlobRecord
{
    public required string Key { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int RefCount { get; set; }

    /// <summary>When the last reference went (or when an unregistered blob was found); null while referenced.</summary>
    public DateTimeOffset? UnreferencedSince { get; set; }
}

/// <summary>The bytes a person's content takes (sto_usage), against their quota.</summary>
internal sealed class StorageUsage
{
    public Guid UserId { get; init; }
    public long UsedBytes { get; set; }
}
