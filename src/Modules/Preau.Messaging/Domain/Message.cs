namespace Preau.Messaging.Domain;

public enum MessageState
{
    Draft = 0,
    Scheduled = 1,
    Sent = 2,
    Recalled = 3,
}

/// <summary>
/// One message, stored once whatever the number of its recipients: each person who holds it has
/// a <see cref="MailboxEntry"/> of their own, so that deleting one's copy never deletes it for
/// the others.
/// </summary>
public sealed class Message
{
    public Guid Id { get; init; }

    /// <summary>The conversation: a new message starts one, a reply or a forward joins its parent's.</summary>
    public Guid ThreadId { get; set; }

    /// <summary>The message this one answers or forwards.</summary>
    public Guid? ParentId { get; set; }

    public Guid SenderId { get; init; }

    /// <summary>The sender's name when they wrote, shown even after they leave the directory.</summary>
    public required string SenderName { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>Sanitized HTML: only the allow-list survives, on save and again on render.</summary>
    public string Body { get; set; } = "";

    /// <summary>The body as plain text, its first words shown in lists.</summary>
    public string Preview { get; set; } = "";

    /// <summary>Subject, sender and body folded (lower case, no accents) for search.</summary>
    public string SearchText { get; set; } = "";

    public MessageState State { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a scheduled message is to leave.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? RecalledAt { get; set; }

    /// <summary>Why a scheduled send did not leave (the rules changed meanwhile): a key of the module's strings.</summary>
    public string? FailureKey { get; set; }

    /// <summary>Body and attachments in bytes: what the sender's quota counts.</summary>
    public long Size { get; set; }

    /// <summary>How many people received it (groups expanded), for the sender's view and the mass-send watch.</summary>
    public int RecipientCount { get; set; }

    public int AttachmentCount { get; set; }
}

public enum AddressField
{
    To = 0,
    Cc = 1,
    Bcc = 2,
}

/// <summary>
/// A recipient as the sender named them: a person or a whole group (shown as the group; expanded
/// to its members at send time), with the name it had then.
/// </summary>
public sealed class MessageAddress
{
    public Guid MessageId { get; init; }
    public int Position { get; init; }
    public AddressField Field { get; init; }
    public bool IsGroup { get; init; }
    public Guid TargetId { get; init; }
    public required string Name { get; init; }
}

/// <summary>
/// A file attached to a message. The content lives in the platform's blob store under a key
/// derived from the bytes; the document space will attach its documents the same way (a key, a
/// name, a type, a length), so a message can carry either.
/// </summary>
public sealed class MessageAttachment
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }

    /// <summary>The name to download it as, cleaned of paths and control characters.</summary>
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required string BlobKey { get; init; }

    /// <summary>Shown inside the body (an image pasted into the text) rather than listed.</summary>
    public bool Inline { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One person's copy of a message: in which folder, read or not.</summary>
public sealed class MailboxEntry
{
    public Guid UserId { get; init; }
    public Guid MessageId { get; init; }

    /// <summary>A system folder (<see cref="SystemFolders"/>) or one of the person's own.</summary>
    public Guid FolderId { get; set; }

    /// <summary>Where a message in the trash came from, to restore it there.</summary>
    public Guid? TrashedFrom { get; set; }

    public bool Unread { get; set; }

    /// <summary>The message's date as the list sorts it (sent, or last saved for a draft).</summary>
    public DateTimeOffset Date { get; set; }

    /// <summary>Whether the person received it (not their own sent copy).</summary>
    public bool Received { get; init; }

    /// <summary>Received only as a hidden copy: the person sees themselves alone in Cci.</summary>
    public bool Hidden { get; init; }
}

/// <summary>A person's own folder, nested under another of theirs or at the top.</summary>
public sealed class MailFolder
{
    public const int MaxDepth = 3;
    public const int MaxPerLevel = 50;
    public const int NameMaxLength = 60;

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public Guid? ParentId { get; set; }
    public required string Name { get; set; }
    public int Depth { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The system folders, fixed ids shared by everyone's mailbox.</summary>
public static class SystemFolders
{
    public static readonly Guid Inbox = new("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Sent = new("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Drafts = new("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid Scheduled = new("00000000-0000-0000-0000-00000000000d");
    public static readonly Guid Trash = new("00000000-0000-0000-0000-00000000000e");

    public static readonly IReadOnlyList<Guid> All = [Inbox, Sent, Drafts, Scheduled, Trash];

    public static bool IsSystem(Guid id) => All.Contains(id);

    /// <summary>The folder's word in URLs and the API: reception, envoyes, brouillons, programmes, corbeille.</summary>
    public static string Slug(Guid id) =>
        id == Inbox ? "reception" : id == Sent ? "envoyes" : id == Drafts ? "brouillons" : id == Scheduled ? "programmes" : id == Trash ? "corbeille" : id.ToString();

    public static Guid? FromSlug(string? slug) => slug switch
    {
        "reception" or "inbox" => Inbox,
        "envoyes" or "sent" => Sent,
        "brouillons" or "drafts" => Drafts,
        "programmes" or "scheduled" => Scheduled,
        "corbeille" or "trash" => Trash,
        _ => Guid.TryParse(slug, out var id) ? id : null,
    };
}
