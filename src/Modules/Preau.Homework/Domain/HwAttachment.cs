namespace Preau.Homework.Domain;

/// <summary>
/// A document joined to a homework or to a lesson, chosen in its writer's document space: held by
/// one more reference to the document's content (no byte copied), so that it stays as it was when
/// attached, whatever becomes of the document. Exactly one of <see cref="HomeworkId"/> and
/// <see cref="SessionId"/> is set. Its reference (and the room it takes in the quota of whoever
/// added it) is given back when it goes, or its entry does (<c>HomeworkAttachments.ReleaseAsync</c>).
/// </summary>
public sealed class HwAttachment
{
    /// <summary>At most this many documents per homework or lesson.</summary>
    public const int MaxPerEntry = 10;

    public const int NameMax = 255;

    public const int ContentTypeMax = 200;

    public Guid Id { get; init; }

    public Guid? HomeworkId { get; init; }

    public Guid? SessionId { get; init; }

    public required string BlobKey { get; init; }

    /// <summary>The document's name when it was attached (a clean file name).</summary>
    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    /// <summary>Whose quota holds it.</summary>
    public Guid AddedBy { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    /// <summary>Its place among the entry's documents, from 0.</summary>
    public int Order { get; init; }

    /// <summary>The homework's or the lesson's id.</summary>
    public Guid EntryId => HomeworkId ?? SessionId ?? Guid.Empty;
}
