using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Preau.Messaging.Features.Attachments;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>
/// "Joindre depuis mes documents" (<c>/messagerie/ecrire/documents?brouillon=</c>): the platform's
/// document picker over one's own space, posting the ticked documents to the draft, which holds
/// them by reference (<see cref="AttachFromDocuments"/>), then back to the composer. Without
/// JavaScript it is a page; docpicker.js loads it into a dialog (<c>&amp;fragment=1</c>: the picker
/// alone) and posts the choice by fetch, answered in JSON.
/// </summary>
[RequireAppRight(MessagingModule.AccessRight)]
public sealed class ComposeDocumentsModel(Shell shell, AttachFile attachments, AttachFromDocuments picker) : PageModel
{
    public const string Path = "/messagerie/ecrire/documents";

    [BindProperty(SupportsGet = true, Name = "brouillon")] public Guid DraftId { get; set; }
    [BindProperty(SupportsGet = true, Name = "dossier")] public Guid? FolderId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "fragment")] public string? FragmentAsked { get; set; }

    /// <summary>The picker alone, for the dialog (<c>fragment=1</c>): a bool would not bind "1".</summary>
    public bool Fragment => FragmentAsked is "1" or "true";
    [BindProperty(Name = "documents")] public List<Guid> Chosen { get; set; } = [];

    public ShellView View { get; private set; } = null!;

    public DocumentPickerView Picker { get; private set; } = null!;

    public string BackUrl => $"/messagerie/ecrire?brouillon={DraftId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync([], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (picker.Source is null || !await attachments.IsOwnDraftAsync(me, DraftId, ct))
        {
            return NotFound();
        }

        var json = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        var attached = await picker.AttachAsync(me, DraftId, Chosen, ct);
        if (!attached.Found)
        {
            return NotFound();
        }

        if (attached.Succeeded)
        {
            return json
                ? new JsonResult(new { attached = attached.Value!.Select(a => new { id = a.Id, name = a.FileName, size = a.Length, type = a.ContentType }) })
                : LocalRedirect(BackUrl);
        }

        var errors = new List<string>();
        foreach (var key in attached.Errors!.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal))
        {
            errors.Add(await attachments.DescribeAsync(me, key, ct));
        }

        return json ? new JsonResult(new { errors }) { StatusCode = StatusCodes.Status400BadRequest } : await ShowAsync(errors, ct);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> errors, CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        if (picker.Source is not { } source || !await attachments.IsOwnDraftAsync(me, DraftId, ct)
            || await source.BrowseAsync(me, FolderId ?? source.Root, Search, PageNumber, ct) is not { } listing)
        {
            return NotFound();
        }

        Picker = new DocumentPickerView(listing, source.Root, Path, new Dictionary<string, string>(StringComparer.Ordinal) { ["brouillon"] = DraftId.ToString() }, Search, BackUrl)
        {
            Errors = errors,
        };
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Page();
    }
}
