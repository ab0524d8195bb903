namespace Preau.Documents.Domain;

/// <summary>
/// A comment on a document, in plain text (pages encode it). Whoever may read the document reads
/// and adds comments; its author or the document's owner deletes it (kept, marked deleted, so a
/// thread keeps its shape). Goes with the document when it is deleted for good.
/// </summary>
public sealed class DocComment
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public Guid AuthorId { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
