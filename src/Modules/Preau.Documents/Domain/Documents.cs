namespace Preau.Documents.Domain;

/// <summary>
/// A folder of a person's space. <see cref="ParentId"/> is <see cref="Root"/> at the top: the root
/// is no row, so that every document and folder has a non-null place and a folder's listing is one
/// index range. Trashing a folder hides what it holds with it.
/// </summary>
public sealed class DocFolder
{
    /// <summary>The id of a person's root folder (the top of "Mes documents").</summary>
    public static readonly Guid Root = Guid.Empty;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid ParentId { get; set; }

    /// <summary>The name as shown, in Unicode NFC.</summary>
    public string Name { get; set; } = "";

    /// <summary>The name folded (lower case, no accents): the order of a listing and the search.</summary>
    public string SortName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it went to the trash (with what it holds); null while in place.</summary>
    public DateTimeOffset? TrashedAt { get; set; }
}

/// <summary>
/// A document: a name in a folder and its current version. While trashed it keeps
/// <see cref="FolderId"/>, the folder it came from and goes back to (or to the root when that
/// folder is gone or in the trash itself).
/// </summary>
public sealed class DocDocument
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>Its folder (<see cref="DocFolder.Root"/> at the top); while trashed, where it came from.</summary>
    public Guid FolderId { get; set; }

    public string Name { get; set; } = "";

    public string SortName { get; set; } = "";

    /// <summary>The type the uploader's browser gave (informative only: downloads never trust it).</summary>
    public string ContentType { get; set; } = "application/octet-stream";

    /// <summary>The current version's length in bytes.</summary>
    public long Length { get; set; }

    public Guid CurrentVersionId { get; set; }

    /// <summary>The current version's number (1 for the first upload).</summary>
    public int VersionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its content last changed (a new version) or it was renamed: the "date" of a listing.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? TrashedAt { get; set; }

    /// <summary>The current version's thumbnail (a blob holding one reference), made in the background for a picture; null otherwise.</summary>
    public string? ThumbnailKey { get; set; }
}

/// <summary>
/// One version of a document's content: a blob of the platform's storage holding one reference,
/// whose length counts in the owner's quota until the document is deleted for good.
/// </summary>
public sealed class DocVersion
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public string BlobKey { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public Guid UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
