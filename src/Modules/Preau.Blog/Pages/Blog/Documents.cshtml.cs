using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Preau.Blog.Features;
using Preau.Blog.Resources;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>
/// "Depuis mes documents" for a post (<c>/blog/{id}/documents</c>): the platform's document picker
/// over one's own space; the ticked documents join the blog by reference and the editor inserts
/// them (a picture, a sound or a video shown, any other document a link). Without JavaScript it is
/// a page that leads back to the writing page; the editor loads it into a dialog
/// (<c>fragment=1</c>) and posts the choice by fetch, answered in JSON.
/// </summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class DocumentsModel(Shell shell, BlogAccess access, BlogMediaStore media, IStringLocalizer<BlogStrings> s) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "dossier")] public Guid? FolderId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "fragment")] public string? FragmentAsked { get; set; }
    [BindProperty(Name = "documents")] public List<Guid> Chosen { get; set; } = [];

    /// <summary>The picker alone, for the dialog.</summary>
    public bool Fragment => FragmentAsked is "1" or "true";

    public ShellView View { get; private set; } = null!;

    public DocumentPickerView Picker { get; private set; } = null!;

    public string BackUrl => BlogLinks.Write(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync([], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var json = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        var added = await media.AddDocumentsAsync(View.User!, Id, Chosen, ct);
        if (!added.Found)
        {
            return NotFound();
        }

        if (added.Succeeded)
        {
            return json
                ? new JsonResult(new { attached = added.Value!.Select(a => new { id = a.Id, url = a.Url, name = a.Name, size = a.Size, type = a.Type }) })
                : LocalRedirect(BackUrl);
        }

        var errors = added.Errors!.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).Select(k => s[k].Value).ToList();
        return json ? new JsonResult(new { errors }) { StatusCode = StatusCodes.Status400BadRequest } : await ShowAsync(errors, ct);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> errors, CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        if (media.Documents is not { } source || await access.FindAsync(me, Id, ct) is not { } blog || !(blog.CanContribute || blog.CanManage)
            || await source.BrowseAsync(me, FolderId ?? source.Root, Search, PageNumber, ct) is not { } listing)
        {
            return NotFound();
        }

        Picker = new DocumentPickerView(listing, source.Root, $"{BlogModule.Url}/{Id}/documents", new Dictionary<string, string>(StringComparer.Ordinal), Search, BackUrl)
        {
            Errors = errors,
            ChooseLabel = s["Picker.Choose"].Value,
        };
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Page();
    }
}
