using Preau.Platform.Kernel;

namespace Preau.Platform.Files;

/// <summary>A folder as the document picker shows it.</summary>
public sealed record PickerFolder(Guid Id, string Name);

/// <summary>A document as the document picker shows it.</summary>
public sealed record PickerDocument(Guid Id, string Name, string ContentType, long Length, DateTimeOffset UpdatedAt);

/// <summary>
/// A page of one of the person's folders for the picker: its path from the root, its subfolders,
/// a page of its documents (or, with a search, the documents of the whole space whose names hold
/// the words).
/// </summary>
public sealed record PickerListing(Guid FolderId, IReadOnlyList<PickerFolder> Path, IReadOnlyList<PickerFolder> Folders,
    IReadOnlyList<PickerDocument> Documents, int Page, bool HasMore);

/// <summary>
/// The current content of a document chosen in the picker: what a module needs to hold it by
/// reference (<see cref="Storage.BlobRegistry.AddRefAsync(string, CancellationToken)"/>), without copying a byte.
/// </summary>
public sealed record PickedDocument(Guid Id, string BlobKey, string Name, string ContentType, long Length);

/// <summary>
/// Where the document picker finds documents: the person's own space ("Mes documents"),
/// implemented by the document space's module. A module that lets people attach or insert a
/// document asks it for a page to show (<see cref="BrowseAsync"/>), then for each chosen document
/// its content (<see cref="ReferenceAsync"/>), which it holds by taking one more reference to the
/// blob and charging whom it says in the quota. Both check the right to read: anything else
/// answers null, which the module answers 404.
/// </summary>
public interface IDocumentSource
{
    /// <summary>The root of the person's own space.</summary>
    Guid Root { get; }

    /// <summary>A page of a folder the person may read (<see cref="Root"/>: their own root); null otherwise.</summary>
    Task<PickerListing?> BrowseAsync(UserContext me, Guid folderId, string? search, int page, CancellationToken ct);

    /// <summary>The current version of a document in place that the person may read; null otherwise. No reference is taken.</summary>
    Task<PickedDocument?> ReferenceAsync(UserContext me, Guid documentId, CancellationToken ct);
}
