using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;

namespace Preau.Documents.Api;

/// <summary>The document space API's requests and answers (JSON, camelCase).</summary>
internal static class DocumentsApiModels
{
    /// <summary>A new folder: its name and where (the root when parentId is absent).</summary>
    public sealed record FolderRequest(string? Name, Guid? ParentId);

    /// <summary>A change: a new name, a new place (folderId for a document, parentId for a folder; the root is the empty id), or both.</summary>
    public sealed record ChangeRequest(string? Name, Guid? FolderId, Guid? ParentId);

    /// <summary>Where a copy goes (the root when absent).</summary>
    public sealed record CopyRequest(Guid? FolderId);

    public sealed record UploadResponse(IReadOnlyList<DocumentItem> Documents);

    /// <summary>One file of an upload: the document it became, or why it was refused.</summary>
    public sealed record UploadedFile(string? Name, DocumentItem? Document, string? Error);

    public sealed record TreeResponse(IReadOnlyList<FolderItem> Folders);

    public sealed record EmptiedResponse(int Deleted);

    public sealed record UsageResponse(long UsedBytes, long QuotaBytes, int Percent, bool NearlyFull, bool Full, long MaxFileBytes);

    /// <summary>A page of a folder; <c>next</c>, when more follows: the <c>after=</c> cursor of the next page.</summary>
    public sealed record ListingResponse(Guid FolderId, IReadOnlyList<FolderCrumb> Path, IReadOnlyList<FolderItem> Folders, IReadOnlyList<DocumentItem> Documents, int Page, int PageSize, bool HasMore, string? Next)
    {
        public static ListingResponse Of(FolderListing l) => new(l.FolderId, l.Path, l.Folders, l.Documents, l.Page, l.PageSize, l.HasMore, l.Next);
    }
}
