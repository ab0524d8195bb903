using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Resources;
using Preau.Platform.Kernel;

namespace Preau.Messaging.Features.Compose;

public enum ReplyKind
{
    Reply = 0,
    ReplyAll = 1,
    Forward = 2,
}

/// <summary>
/// Starts a reply, a reply to all or a forward of a message the person may read, as a draft that
/// joins the conversation (its parent set). A reply goes to the sender; a reply to all to the
/// sender, the To and the Cc (the Cci only for their own message), never to oneself; anyone the
/// communication rules no longer allow is left out and named. A forward quotes the message with
/// its header and carries its attachments (one more reference each, charged to the forwarder).
/// </summary>
public sealed class StartReply(OpenMessage open, SaveDraft save, AttachFile attachments, IStringLocalizer<ComposeStrings> s)
{
    public const string ReplyPrefix = "Re\u00A0: ";
    public const string ForwardPrefix = "Tr\u00A0: ";

    public sealed record Started(Guid DraftId, IReadOnlyList<string> LeftOut);

    public async Task<Outcome<Started>> StartAsync(UserContext me, Guid messageId, ReplyKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var original = await open.OpenAsync(me, messageId, ct);
        if (original is null || original.IsRecalled && original.Received || original.State == MessageState.Draft)
        {
            return Outcome.NotFound<Started>();
        }

        var names = new Dictionary<RecipientRef, string>();
        var to = new List<RecipientRef>();
        var cc = new List<RecipientRef>();
        var bcc = new List<RecipientRef>();
        void Add(List<RecipientRef> field, Guid id, bool isGroup, string name)
        {
            var r = new RecipientRef(id, isGroup);
            if ((!isGroup && id == me.Id) || names.ContainsKey(r))
            {
                return;
            }

            names[r] = name;
            field.Add(r);
        }

        if (kind != ReplyKind.Forward)
        {
            if (original.IsMine)
            {
                // Answering one's own message: to its recipients again.
                foreach (var a in original.Addresses.Where(a => a.Field == AddressField.To))
                {
                    Add(to, a.Id, a.IsGroup, a.Name);
                }
            }
            else
            {
                Add(to, original.SenderId, false, original.SenderName);
            }

            if (kind == ReplyKind.ReplyAll)
            {
                foreach (var a in original.Addresses)
                {
                    if (a.Field == AddressField.Bcc && !original.IsMine)
                    {
                        continue;
                    }

                    Add(a.Field == AddressField.To ? to : a.Field == AddressField.Cc ? cc : bcc, a.Id, a.IsGroup, a.Name);
                }
            }
        }

        var prefix = kind == ReplyKind.Forward ? ForwardPrefix : ReplyPrefix;
        var subject = original.Subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? original.Subject : prefix + original.Subject;
        if (subject.Length > Data.MessageConfiguration.SubjectMaxLength)
        {
            subject = subject[..Data.MessageConfiguration.SubjectMaxLength];
        }

        var draft = await save.CreateAsync(me, new DraftContent(to, cc, bcc, subject, ""), messageId, ct);
        if (!draft.Succeeded)
        {
            return draft.Found ? Outcome.Invalid<Started>(draft.Errors!) : Outcome.NotFound<Started>();
        }

        var body = original.Body;
        if (kind == ReplyKind.Forward)
        {
            var copied = await attachments.CopyAsync(me, messageId, draft.Value!.Id, ct);
            if (!copied.Succeeded)
            {
                return copied.Found ? Outcome.Invalid<Started>(copied.Errors!) : Outcome.NotFound<Started>();
            }

            foreach (var (from, into) in copied.Value!)
            {
                body = body.Replace(MessageBodies.ImagePrefix + from, MessageBodies.ImagePrefix + into, StringComparison.OrdinalIgnoreCase);
            }
        }

        var quoted = "<p></p>" + Header(original, kind) + "<blockquote>" + body + "</blockquote>";
        var saved = await save.UpdateAsync(me, draft.Value!.Id, new DraftContent(to, cc, bcc, subject, quoted), ct);
        if (!saved.Succeeded)
        {
            return saved.Found ? Outcome.Invalid<Started>(saved.Errors!) : Outcome.NotFound<Started>();
        }

        return new Started(draft.Value.Id, [.. saved.Value!.Refused.Select(r => names.TryGetValue(r, out var n) ? n : "?")]);
    }

    private string Header(MessageView m, ReplyKind kind)
    {
        var date = SchoolTime.ToParis(m.SentAt ?? m.Date).ToString("f", CultureInfo.CurrentCulture);
        string E(string text) => WebUtility.HtmlEncode(text);
        if (kind != ReplyKind.Forward)
        {
            return "<p>" + E(s["Quote.Wrote", date, m.SenderName].Value) + "</p>";
        }

        var to = string.Join(", ", m.Addresses.Where(a => a.Field == AddressField.To).Select(a => a.Name));
        return "<p>" + E(s["Quote.Forwarded"].Value) + "<br>"
            + E(s["Quote.From", m.SenderName].Value) + "<br>"
            + E(s["Quote.Date", date].Value) + "<br>"
            + E(s["Quote.Subject", m.Subject].Value) + "<br>"
            + E(s["Quote.To", to].Value) + "</p>";
    }
}
