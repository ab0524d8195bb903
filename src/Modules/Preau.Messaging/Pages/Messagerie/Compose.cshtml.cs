using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Sending;
using Preau.Messaging.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>
/// The composer (<c>/messagerie/ecrire</c>): a new message, a draft to continue (<c>?brouillon=</c>),
/// a reply, reply to all or forward (<c>?repondre=</c>, <c>?repondre-a-tous=</c>, <c>?transferer=</c>:
/// a draft is started in the conversation and the page continues it) or a message to one person
/// (<c>?a=</c>). Every post saves the draft first, so nothing written is lost to a refusal; the
/// buttons then send, schedule, search recipients (without JavaScript) or take a file off.
/// With JavaScript (compose.js) recipients are searched as one types, files upload with progress
/// and the draft saves itself every few seconds (<c>?handler=Autosave</c>).
/// </summary>
[RequireAppRight(MessagingModule.AccessRight)]
[RequestSizeLimit(MaxPostBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
public sealed class ComposeModel(
    CurrentUser currentUser, Shell shell, SaveDraft save, SendMessage send, OpenMessage open, StartReply replies,
    AttachFile attachments, AttachFromDocuments fromDocuments, RecipientSearch search, Recipients recipients, TimeProvider clock,
    IOptions<MessagingOptions> options, IStringLocalizer<ComposeStrings> s) : PageModel
{
    /// <summary>A post without JavaScript may carry the files of a whole message (25 MB by default) and the text.</summary>
    public const long MaxPostBytes = 27L * 1024 * 1024;

    public sealed record Chip(string Value, string Name, bool IsGroup);

    [BindProperty(Name = "brouillon", SupportsGet = true)] public Guid? DraftId { get; set; }
    [BindProperty] public List<string> To { get; set; } = [];
    [BindProperty] public List<string> Cc { get; set; } = [];
    [BindProperty] public List<string> Bcc { get; set; } = [];
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty(Name = "q")] public string? Query { get; set; }
    [BindProperty(Name = "date")] public string? LaterDate { get; set; }
    [BindProperty(Name = "heure")] public string? LaterTime { get; set; }
    [BindProperty(Name = "action")] public string? Action { get; set; }
    [BindProperty(Name = "retirer")] public Guid? RemoveId { get; set; }
    [BindProperty(Name = "noms")] public List<string> Names { get; set; } = [];

    public ShellView View { get; private set; } = null!;
    public List<Chip> ToChips { get; } = [];
    public List<Chip> CcChips { get; } = [];
    public List<Chip> BccChips { get; } = [];
    public IReadOnlyList<Attached> Files { get; private set; } = [];
    public RecipientSearch.Found? Results { get; private set; }
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public string? Status { get; private set; }
    public string? LeftOut { get; private set; }
    public string? Refused { get; private set; }
    public Guid? ParentId { get; private set; }
    public bool IsReply { get; private set; }

    public long MaxFileBytes => options.Value.MaxAttachmentBytes;

    /// <summary>Whether documents can be attached from the document space ("Joindre depuis mes documents").</summary>
    public bool CanPickDocuments => fromDocuments.Source is not null;

    public string UploadUrl => DraftId is { } id ? $"/messagerie/pieces?brouillon={id}&inline=1" : "/messagerie/pieces?inline=1";

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "repondre")] Guid? reply, [FromQuery(Name = "repondre-a-tous")] Guid? replyAll, [FromQuery(Name = "transferer")] Guid? forward,
        [FromQuery(Name = "a")] Guid? toPerson, [FromQuery(Name = "enregistre")] string? saved, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        View = await shell.GetAsync(ct);
        if ((reply ?? replyAll ?? forward) is { } source)
        {
            var kind = forward is not null ? ReplyKind.Forward : replyAll is not null ? ReplyKind.ReplyAll : ReplyKind.Reply;
            var started = await replies.StartAsync(me, source, kind, ct);
            if (!started.Found)
            {
                return NotFound();
            }

            if (!started.Succeeded)
            {
                foreach (var (field, keys) in started.Errors!)
                {
                    await AddErrorsAsync(me, field, keys, ct);
                }

                return Page();
            }

            if (started.Value!.LeftOut.Count > 0)
            {
                TempData["compose.leftout"] = string.Join(", ", started.Value.LeftOut);
            }

            return LocalRedirect($"/messagerie/ecrire?brouillon={started.Value.DraftId}");
        }

        LeftOut = TempData["compose.leftout"] as string;
        if (DraftId is { } draftId)
        {
            var draft = await open.OpenAsync(me, draftId, ct);
            if (draft is null || draft.State != MessageState.Draft || !draft.IsMine)
            {
                return NotFound();
            }

            Subject = draft.Subject;
            Body = draft.Body;
            ParentId = draft.ParentId;
            foreach (var a in draft.Addresses)
            {
                ChipsOf(a.Field).Add(new Chip(RecipientSearch.Value(a.Id, a.IsGroup), a.Name, a.IsGroup));
            }

            if (draft.FailureKey is { } failure)
            {
                await AddErrorsAsync(me, "Send", [failure], ct);
            }

            Files = await attachments.ListAsync(me, draftId, ct);
            if (saved is not null)
            {
                Status = SavedText(clock.GetUtcNow());
            }
        }
        else if (toPerson is { } person)
        {
            var checkedOne = await recipients.CheckAsync(me.Id, [(new RecipientRef(person, false), AddressField.To)], ct);
            ToChips.AddRange(checkedOne.Allowed.Select(a => new Chip(RecipientSearch.Value(a.Id, false), a.Name, false)));
        }

        IsReply = ParentId is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        View = await shell.GetAsync(ct);
        var saved = await SaveAsync(me, ct);
        if (saved is null)
        {
            return NotFound();
        }

        // Files chosen without JavaScript come with the form.
        foreach (var file in Request.Form.Files.Where(f => f.Name == "files" && (f.Length > 0 || f.FileName.Length > 0)))
        {
            await using var content = file.OpenReadStream();
            var attached = await attachments.AttachAsync(me, DraftId!.Value, file.FileName, file.ContentType, content, file.Length, false, ct);
            if (!attached.Succeeded)
            {
                await AddErrorsAsync(me, "Files", attached.Errors?.Values.SelectMany(v => v).ToArray() ?? [], ct, file.FileName);
            }
        }

        if (RemoveId is { } removeId)
        {
            await attachments.RemoveAsync(me, removeId, ct);
        }

        if (Errors.Count == 0 && Action is "send" or "later")
        {
            var sent = Action == "send"
                ? await send.NowAsync(me, DraftId!.Value, ct)
                : ParisInstant() is { } at ? await send.LaterAsync(me, DraftId!.Value, at, ct) : Outcome.Invalid<SendMessage.Sent>("At", "Error.ScheduleTime");
            if (sent.Succeeded)
            {
                return LocalRedirect(sent.Value!.State == MessageState.Scheduled
                    ? "/messagerie/programmes?fait=programme"
                    : $"/messagerie/message/{sent.Value.Id}?fait=envoye");
            }

            foreach (var (field, keys) in sent.Errors ?? new Dictionary<string, string[]>())
            {
                await AddErrorsAsync(me, field, keys, ct);
            }
        }

        if (Errors.Count == 0 && Action == "documents" && CanPickDocuments)
        {
            return LocalRedirect($"{ComposeDocumentsModel.Path}?brouillon={DraftId}");
        }

        if (Action == "search")
        {
            Results = await search.FindAsync(me, Query, ct);
        }

        if (Errors.Count == 0 && Action is not "search" && Refused is null && RemoveId is null && Request.Form.Files.Count == 0)
        {
            return LocalRedirect($"/messagerie/ecrire?brouillon={DraftId}&enregistre=1");
        }

        await ReloadAsync(me, ct);
        Status ??= Errors.Count == 0 ? SavedText(clock.GetUtcNow()) : null;
        return Page();
    }

    /// <summary>The autosave: the draft as the page holds it, answered in JSON for the status line.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var saved = await SaveAsync(me, ct);
        if (saved is null)
        {
            return NotFound();
        }

        return new JsonResult(new
        {
            draft = DraftId,
            status = Errors.Count == 0 ? SavedText(saved.SavedAt) : null,
            refused = Refused,
            errors = Errors,
            upload = UploadUrl,
        })
        { StatusCode = Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
    }

    /// <summary>Takes a file off the draft (compose.js; the page's own button posts the form).</summary>
    public async Task<IActionResult> OnPostRemoveAsync([FromForm(Name = "piece")] Guid piece, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var removed = await attachments.RemoveAsync(me, piece, ct);
        return removed.Found ? new NoContentResult() : NotFound();
    }

    public List<Chip> ChipsOf(AddressField field) => field switch
    {
        AddressField.Cc => CcChips,
        AddressField.Bcc => BccChips,
        _ => ToChips,
    };

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    /// <summary>Saves the posted draft (creating it the first time); null when it is not the person's draft.</summary>
    private async Task<SaveDraft.Saved?> SaveAsync(UserContext me, CancellationToken ct)
    {
        static List<RecipientRef> Refs(IEnumerable<string> values) => [.. values.Select(RecipientSearch.Parse).OfType<RecipientRef>()];
        var content = new DraftContent(Refs(To), Refs(Cc), Refs(Bcc), Subject, Body);
        var outcome = DraftId is { } id ? await save.UpdateAsync(me, id, content, ct) : await save.CreateAsync(me, content, null, ct);
        if (!outcome.Found)
        {
            return null;
        }

        if (!outcome.Succeeded)
        {
            foreach (var (field, keys) in outcome.Errors!)
            {
                await AddErrorsAsync(me, field, keys, ct);
            }

            // Not saved (too long…): the page shows what was posted, the draft as it was stays.
            if (DraftId is null)
            {
                var created = await save.CreateAsync(me, content with { Subject = null, Body = null }, null, ct);
                DraftId = created.Value?.Id;
                if (DraftId is null)
                {
                    return null;
                }
            }

            return new SaveDraft.Saved(DraftId!.Value, [], [], clock.GetUtcNow());
        }

        DraftId = outcome.Value!.Id;
        if (outcome.Value.Refused.Count > 0)
        {
            // The names the page showed for them (the chips post "value|name" in noms).
            var names = Names.Select(n => n.Split('|', 2)).Where(p => p.Length == 2).GroupBy(p => p[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            Refused = s["Compose.Refused", string.Join(", ", outcome.Value.Refused
                .Select(r => names.TryGetValue(RecipientSearch.Value(r.Id, r.IsGroup), out var n) ? n : s["Compose.Someone"].Value))].Value;
            Errors["To"] = [Refused];
        }

        return outcome.Value;
    }

    /// <summary>After a post that stays on the page: the chips as saved, the files.</summary>
    private async Task ReloadAsync(UserContext me, CancellationToken ct)
    {
        var draft = await open.OpenAsync(me, DraftId!.Value, ct);
        if (draft is not null)
        {
            foreach (var a in draft.Addresses)
            {
                ChipsOf(a.Field).Add(new Chip(RecipientSearch.Value(a.Id, a.IsGroup), a.Name, a.IsGroup));
            }

            ParentId = draft.ParentId;
            IsReply = ParentId is not null;
        }

        Files = await attachments.ListAsync(me, DraftId!.Value, ct);
    }

    private async Task AddErrorsAsync(UserContext me, string field, IReadOnlyList<string> keys, CancellationToken ct, string? fileName = null)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        foreach (var key in keys)
        {
            var text = await attachments.DescribeAsync(me, key, ct);
            list.Add(fileName is null ? text : s["Compose.FileError", fileName, text].Value);
        }
    }

    private string SavedText(DateTimeOffset at) =>
        s["Compose.Saved", SchoolTime.ToParis(at).ToString("HH:mm", CultureInfo.CurrentCulture)].Value;

    /// <summary>The date and time chosen, read as Paris time.</summary>
    private DateTimeOffset? ParisInstant()
    {
        if (!DateOnly.TryParseExact(LaterDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(LaterTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = SchoolTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
