using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Platform.Communication;

namespace Preau.Messaging.Api;

/// <summary>The messagerie API's requests and answers (JSON, camelCase; enums as their names).</summary>
internal static class MessagingApiModels
{
    /// <summary>A draft: recipients per field (people and groups by id), subject, body as HTML (sanitized on save), the message it answers or forwards.</summary>
    public sealed record DraftRequest(
        IReadOnlyList<RecipientRef>? To, IReadOnlyList<RecipientRef>? Cc, IReadOnlyList<RecipientRef>? Bcc, string? Subject, string? Body, Guid? ParentId)
    {
        public DraftContent Content() => new(To ?? [], Cc ?? [], Bcc ?? [], Subject, Body);
    }

    /// <summary>A message written and sent in one call: a draft, and when to send it (now when absent).</summary>
    public sealed record MessageRequest(
        IReadOnlyList<RecipientRef>? To, IReadOnlyList<RecipientRef>? Cc, IReadOnlyList<RecipientRef>? Bcc, string? Subject, string? Body, Guid? ParentId, DateTimeOffset? At)
    {
        public DraftRequest Draft() => new(To, Cc, Bcc, Subject, Body, ParentId);
    }

    /// <summary>A saved draft: the addressees kept, with their names, and the ids refused (never stored).</summary>
    public sealed record DraftResponse(Guid Id, IReadOnlyList<Addressee> Addressees, IReadOnlyList<RecipientRef> Refused, DateTimeOffset SavedAt)
    {
        public static DraftResponse Of(SaveDraft.Saved saved) => new(saved.Id, saved.Addressees, saved.Refused, saved.SavedAt);
    }

    public sealed record SendRequest(DateTimeOffset? At);

    /// <summary>A message sent (state Sent, to how many people) or scheduled (state Scheduled, at).</summary>
    public sealed record SentResponse(Guid Id, MessageState State, int Recipients, DateTimeOffset? At);

    public sealed record IdsRequest(IReadOnlyList<Guid>? Ids);

    public sealed record ReadRequest(IReadOnlyList<Guid>? Ids, bool Unread);

    /// <summary>Ids, and a folder: a system folder's slug (reception, envoyes) or the id of one of the caller's folders.</summary>
    public sealed record MoveRequest(IReadOnlyList<Guid>? Ids, string? Folder);

    /// <summary>How many of the caller's copies changed.</summary>
    public sealed record ChangedResponse(int Changed);

    public sealed record CountResponse(int Count);

    public sealed record FolderRequest(string? Name, Guid? ParentId);

    public sealed record FolderCreated(Guid Id);

    public sealed record SystemFolder(Guid Id, string Slug, string Name, int Unread, int Total);

    /// <summary>The system folders, then the caller's own as a tree in reading order (each followed by its children).</summary>
    public sealed record FoldersResponse(IReadOnlyList<SystemFolder> System, IReadOnlyList<FolderNode> Own);

    /// <summary>Unread messages per folder (by slug for system folders, by id for the caller's), with totals of drafts and scheduled messages.</summary>
    public sealed record FolderCountResponse(string Folder, int Unread, int Total);

    /// <summary>One line of a folder or of search results; <c>failure</c> says why a scheduled message came back to the drafts.</summary>
    public sealed record LineResponse(
        Guid Id, Guid ThreadId, Guid SenderId, string SenderName, string Recipients, string Subject, string Preview,
        DateTimeOffset Date, bool Unread, bool Received, int Attachments, MessageState State, DateTimeOffset? ScheduledFor, string? Failure);

    public sealed record PageResponse(string Folder, IReadOnlyList<LineResponse> Lines, string? Next);

    public sealed record SearchResponse(string Query, IReadOnlyList<LineResponse> Lines, int Page, bool HasMore);

    /// <summary>
    /// A message as the caller may read it: body sanitized HTML, null when it was recalled from
    /// them; Cci only to its sender; folder as a slug or the id of one of the caller's folders.
    /// </summary>
    public sealed record MessageResponse(
        Guid Id, Guid ThreadId, Guid? ParentId, Guid SenderId, string SenderName, string Subject, string? Body,
        IReadOnlyList<AddressView> Addresses, IReadOnlyList<AttachmentView> Attachments,
        MessageState State, DateTimeOffset Date, DateTimeOffset? SentAt, DateTimeOffset? RecalledAt, DateTimeOffset? ScheduledFor, string? Failure,
        string Folder, bool Received, bool Unread, bool CanRecall, DateTimeOffset? RecallUntil);

    public sealed record ThreadResponse(IReadOnlyList<MessageResponse> Messages);

    public sealed record ReportRequest(string? Reason);

    /// <summary>People and groups the caller may write to, 20 of each a page.</summary>
    public sealed record RecipientsResponse(IReadOnlyList<VisiblePerson> People, IReadOnlyList<VisibleGroup> Groups, int Page, bool HasMore);
}
