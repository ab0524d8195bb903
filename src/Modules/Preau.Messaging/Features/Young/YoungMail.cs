using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;

namespace Preau.Messaging.Features.Young;

/// <summary>A person a young pupil may write to, as a picture: initials on a tile of their colour.</summary>
public sealed record YoungPerson(Guid Id, string FirstName, string LastName, Profile Profile)
{
    public string Initials => Faces.Initials(FirstName, LastName);
}

/// <summary>A received message as a card: who, what, and the words to read it aloud.</summary>
public sealed record YoungLetter(MessageLine Line, string Spoken);

/// <summary>What a young pupil's message became: sent, or kept as a draft with the reason it could not leave.</summary>
public sealed record YoungSent(Guid DraftId, string? RefusalKey, string? RefusalField)
{
    public bool Sent => RefusalKey is null;
}

/// <summary>
/// The simple mailbox of the 1st-degree pupils: the people they may write to as pictures (their
/// teachers first, then their classmates, then anyone else the rules open), their received
/// messages as cards read aloud, and a short message written through the same draft and send as
/// everyone's — the rules, switches and quiet hours checked there; an id outside the visible set
/// answers "not found" before anything is written.
/// </summary>
public sealed class YoungMail(
    PreauDbContext db, VisibleSearch search, Reach reach, AppRights rights,
    SaveDraft drafts, SendMessage send, ReadMailbox mailbox, MessageBodies bodies)
{
    public const int MaxPeople = VisibleQuery.MaxPageSize;

    public const int PageSize = 20;

    /// <summary>Whether the person may use the messagerie at all.</summary>
    public Task<bool> AllowedAsync(UserContext me, CancellationToken ct) => rights.HoldsAsync(me, MessagingModule.AccessRight, ct);

    /// <summary>The people the pupil may write to: teachers first, then pupils, then the others, each by first name.</summary>
    public async Task<IReadOnlyList<YoungPerson>> PeopleAsync(UserContext me, CancellationToken ct)
    {
        var found = await search.PeopleAsync(me.Id, new VisibleQuery(null, PageSize: MaxPeople), ct);
        return [.. found.Items
            .Select(p => new YoungPerson(p.Id, p.FirstName, p.LastName, p.Profile))
            .OrderBy(p => p.Profile switch { Profile.Teacher => 0, Profile.Student => 1, _ => 2 })
            .ThenBy(p => p.FirstName, StringComparer.CurrentCulture).ThenBy(p => p.LastName, StringComparer.CurrentCulture)];
    }

    /// <summary>The received messages, newest first, each with what "Écouter" says: who wrote, the subject, the text.</summary>
    public async Task<(IReadOnlyList<YoungLetter> Letters, string? Next)> ReceivedAsync(UserContext me, string? after, CancellationToken ct)
    {
        var page = await mailbox.PageAsync(me, SystemFolders.Inbox, after, PageSize, ct);
        if (page is null || page.Lines.Count == 0)
        {
            return ([], null);
        }

        var ids = page.Lines.Select(l => l.Id).ToList();
        var texts = await db.Set<Message>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.State != MessageState.Recalled)
            .Select(m => new { m.Id, m.Body }).ToDictionaryAsync(m => m.Id, m => m.Body, ct);
        return ([.. page.Lines.Select(l => new YoungLetter(l, Spoken(l.SenderName, l.Subject, texts.TryGetValue(l.Id, out var body) ? bodies.Clean(body, false).PlainText : "")))],
            page.Next);
    }

    /// <summary>The words read aloud for a message.</summary>
    public static string Spoken(string sender, string subject, string text) =>
        string.Join(". ", new[] { sender, subject, text }.Where(s => s.Length > 0));

    /// <summary>The plain text of a stored body, for reading it aloud.</summary>
    public string PlainText(string html) => bodies.Clean(html, false).PlainText;

    /// <summary>
    /// Writes and sends the pupil's message. Every chosen person must be in the visible set, or
    /// nothing is written (not found). A refusal of the send (switch off, quiet hours, too many)
    /// keeps the text in a draft, updated on the next try.
    /// </summary>
    public async Task<Outcome<YoungSent>> WriteAsync(UserContext me, IReadOnlyList<Guid> to, string? subject, string? text, Guid? draftId, Guid? replyTo, CancellationToken ct)
    {
        var chosen = to.Distinct().ToList();
        if (!await AllowedAsync(me, ct))
        {
            return Outcome.NotFound<YoungSent>();
        }

        if (chosen.Count > 0)
        {
            var verdict = await reach.CheckAsync(me.Id, chosen, [], ct);
            if (verdict.AllowedUsers.Count != chosen.Count)
            {
                return Outcome.NotFound<YoungSent>();
            }
        }

        var content = new DraftContent([.. chosen.Select(id => new RecipientRef(id, false))], [], [], subject, text, BodyIsPlainText: true);
        var saved = draftId is { } existing
            ? await drafts.UpdateAsync(me, existing, content, ct)
            : await drafts.CreateAsync(me, content, replyTo, ct);
        if (!saved.Found)
        {
            return Outcome.NotFound<YoungSent>();
        }

        if (saved.Errors is { } invalid)
        {
            return Outcome.Invalid<YoungSent>(invalid);
        }

        var id = saved.Value!.Id;
        if (chosen.Count == 0)
        {
            return new YoungSent(id, "Error.NoRecipient", "To");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new YoungSent(id, "Error.Empty", "Body");
        }

        var sent = await send.NowAsync(me, id, ct);
        if (!sent.Found)
        {
            return Outcome.NotFound<YoungSent>();
        }

        if (sent.Errors is { } errors)
        {
            var (field, keys) = errors.First();
            return new YoungSent(id, keys[0], field);
        }

        return new YoungSent(id, null, null);
    }
}
