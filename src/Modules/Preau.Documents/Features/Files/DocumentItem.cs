using Preau.Documents.Domain;

namespace Preau.Documents.Features.Files;

/// <summary>A document as lists and answers show it; <see cref="HasThumbnail"/> when its picture's thumbnail is ready (<c>/documents/{id}/miniature</c>).</summary>
public sealed record DocumentItem(Guid Id, Guid FolderId, string Name, string ContentType, long Length, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? TrashedAt, bool HasThumbnail = false)
{
    internal static DocumentItem Of(DocDocument d) => new(d.Id, d.FolderId, d.Name, d.ContentType, d.Length, d.VersionNumber, d.CreatedAt, d.UpdatedAt, d.TrashedAt, d.ThumbnailKey != null);
}
