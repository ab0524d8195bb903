using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.Pieces;

/// <summary>
/// "Joindre des documents" (<c>/cahier-de-textes/joindre?devoir={id}</c> or <c>?seance={id}</c>,
/// <c>&amp;retour=</c> a page of the site to go back to): the entry's documents, each taken off in
/// one tap, and the platform's document picker over one's own space; the ticked documents join the
/// entry by reference (<see cref="HomeworkAttachments"/>), then back to <c>retour</c> (or the book).
/// Without JavaScript it is a page; docpicker.js loads it into a dialog (<c>&amp;fragment=1</c>:
/// the picker alone) and posts the choice by fetch, answered in JSON. Only the book's writers: 404
/// for anyone else.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class JoindreModel(Shell shell, HomeworkAttachments attachments, IStringLocalizer<HomeworkAttachmentStrings> s) : PageModel
{
    public const string Path = HomeworkModule.Url + "/joindre";

    [BindProperty(SupportsGet = true, Name = "devoir")] public Guid? HomeworkId { get; set; }
    [BindProperty(SupportsGet = true, Name = "seance")] public Guid? SessionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "retour")] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "dossier")] public Guid? FolderId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "fragment")] public string? FragmentAsked { get; set; }
    [BindProperty(Name = "documents")] public List<Guid> Chosen { get; set; } = [];

    /// <summary>The picker alone, for the dialog (<c>fragment=1</c>): a bool would not bind "1".</summary>
    public bool Fragment => FragmentAsked is "1" or "true";

    public ShellView View { get; private set; } = null!;

    public AttachableEntry Entry { get; private set; } = null!;

    public IReadOnlyList<AttachmentView> Files { get; private set; } = [];

    public DocumentPickerView Picker { get; private set; } = null!;

    /// <summary><c>retour</c> when it is a page of this site, else the entry's book.</summary>
    public string BackUrl => ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) ? back : $"{HomeworkModule.Url}/{Entry.View.Book.Id}";

    /// <summary>The link to this page for an entry, coming back to <paramref name="returnUrl"/>.</summary>
    public static string For(EntryKind kind, Guid entryId, string? returnUrl = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [kind == EntryKind.Homework ? "devoir" : "seance"] = entryId.ToString(),
            ["retour"] = returnUrl,
        }.Where(p => p.Value is not null));

    /// <summary>Where a document is taken off: this page's Remove handler, which comes back here.</summary>
    public string RemoveUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(For(Entry.Kind, Entry.Id, Picker.PostUrl), "handler", "Remove");

    private (EntryKind Kind, Guid Id)? Target => HomeworkId is { } homework ? (EntryKind.Homework, homework) : SessionId is { } session ? (EntryKind.Session, session) : null;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync([], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (Target is not { } target)
        {
            return NotFound();
        }

        var json = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        var attached = await attachments.AttachAsync(View.User!, target.Kind, target.Id, Chosen, ct);
        if (!attached.Found)
        {
            return NotFound();
        }

        if (attached.Succeeded)
        {
            Entry = (await attachments.WritableAsync(View.User!, target.Kind, target.Id, ct))!;
            return json
                ? new JsonResult(new { attached = attached.Value!.Select(a => new { id = a.Id, url = a.Url, name = a.Name, size = a.Length, type = a.ContentType }) })
                : LocalRedirect(BackUrl);
        }

        var errors = Sentences(attached.Errors!);
        return json ? new JsonResult(new { errors }) { StatusCode = StatusCodes.Status400BadRequest } : await ShowAsync(errors, ct);
    }

    /// <summary>Takes one document off (<c>piece</c>), then back where the person was.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid piece, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (Target is not { } target || await attachments.WritableAsync(View.User!, target.Kind, target.Id, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        var removed = await attachments.RemoveAsync(View.User!, piece, ct);
        if (!removed.Found)
        {
            return NotFound();
        }

        return removed.Succeeded ? LocalRedirect(BackUrl) : await ShowAsync(Sentences(removed.Errors!), ct);
    }

    private List<string> Sentences(IReadOnlyDictionary<string, string[]> errors) =>
        [.. errors.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).Select(k => s[k].Value)];

    private async Task<IActionResult> ShowAsync(List<string> errors, CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        if (Target is not { } target || attachments.Source is not { } source
            || await attachments.WritableAsync(me, target.Kind, target.Id, ct) is not { } entry
            || await source.BrowseAsync(me, FolderId ?? source.Root, Search, PageNumber, ct) is not { } listing)
        {
            return NotFound();
        }

        Entry = entry;
        Files = [.. (await attachments.ListAsync([entry.Id], ct))[entry.Id]];
        var keep = new Dictionary<string, string>(StringComparer.Ordinal) { [target.Kind == EntryKind.Homework ? "devoir" : "seance"] = entry.Id.ToString() };
        if (ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back))
        {
            keep["retour"] = back;
        }

        Picker = new DocumentPickerView(listing, source.Root, Path, keep, Search, BackUrl)
        {
            Errors = entry.IsFrozen && errors.Count == 0 ? [s["Error.Frozen"].Value] : errors,
            ChooseLabel = s["Picker.Choose"].Value,
        };
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Page();
    }
}
