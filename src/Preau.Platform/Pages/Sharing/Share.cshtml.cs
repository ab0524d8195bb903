using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Platform.Resources;
using Preau.Platform.Security;
using Preau.Platform.Sharing;

namespace Preau.Platform.Pages.Sharing;

/// <summary>
/// The one share dialog of every module: who has which rights on a resource, a search among the
/// people and groups one may reach, saved lists. Works without JavaScript (each action is a
/// form, the search a GET form); the script searches as one types. 404 for anyone but the
/// resource's owner and its managers.
/// </summary>
public sealed class ShareModel(CurrentUser currentUser, ViewShares view, UpdateShares update, ShareRecipients recipients, ShareBookmarks bookmarks,
    IStringLocalizer<SharingStrings> s) : PageModel
{
    public sealed class RowInput
    {
        public PrincipalKind Kind { get; set; }
        public Guid Id { get; set; }
        public List<string> Rights { get; set; } = [];
    }

    public ShareSheet Sheet { get; private set; } = null!;

    public RecipientResults? Results { get; private set; }

    public IReadOnlyList<BookmarkView> Bookmarks { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    /// <summary>The module's page to go back to: a local address only.</summary>
    public string? Back => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public ISet<Guid> Shared => Sheet.Shares.Select(l => l.Principal.Id).ToHashSet();

    public async Task<IActionResult> OnGetAsync(string type, Guid id, CancellationToken ct) =>
        await LoadAsync(type, id, ct) ? Page() : NotFound();

    /// <summary>The search results alone, for the script that searches as one types.</summary>
    public async Task<IActionResult> OnGetResultsAsync(string type, Guid id, CancellationToken ct) =>
        await LoadAsync(type, id, ct) ? Partial("_ShareResults", this) : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string type, Guid id, List<RowInput>? shares, CancellationToken ct) =>
        await AfterAsync(type, id, "saved", await update.HandleAsync(await MeAsync(ct), type, id,
            [.. (shares ?? []).Select(r => new ShareChange(r.Kind, r.Id, r.Rights))], replace: true, ct), ct);

    public async Task<IActionResult> OnPostAddAsync(string type, Guid id, PrincipalKind kind, Guid principalId, CancellationToken ct) =>
        await AfterAsync(type, id, "added", await update.AddReadersAsync(await MeAsync(ct), type, id, [new SharePrincipal(kind, principalId)], ct), ct);

    public async Task<IActionResult> OnPostRemoveAsync(string type, Guid id, PrincipalKind kind, Guid principalId, CancellationToken ct) =>
        await AfterAsync(type, id, "removed", await update.RemoveAsync(await MeAsync(ct), type, id, new SharePrincipal(kind, principalId), ct), ct);

    public async Task<IActionResult> OnPostAddListAsync(string type, Guid id, Guid bookmarkId, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var members = await bookmarks.UseAsync(me, bookmarkId, ct);
        return members is null ? NotFound() : await AfterAsync(type, id, "list-added", await update.AddReadersAsync(me, type, id, members, ct), ct);
    }

    public async Task<IActionResult> OnPostSaveListAsync(string type, Guid id, string? name, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (!await LoadAsync(type, id, ct))
        {
            return NotFound();
        }

        var members = Sheet.Shares.Where(l => l.Principal.Visible && !l.Self).Select(l => new SharePrincipal(l.Principal.Kind, l.Principal.Id)).ToList();
        var result = members.Count == 0 ? new BookmarkResult(BookmarkStatus.Invalid) : await bookmarks.CreateAsync(me, name, members, ct);
        if (result.Status == BookmarkStatus.Saved)
        {
            return Redirect(Self(type, id, "list-saved"));
        }

        return Failed(members.Count == 0 ? s["Share.Error.ListEmpty"] : s["Share.Error.ListName"]);
    }

    public async Task<IActionResult> OnPostDeleteListAsync(string type, Guid id, Guid bookmarkId, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        return await bookmarks.DeleteAsync(me, bookmarkId, ct) ? Redirect(Self(type, id, "list-deleted")) : NotFound();
    }

    private async Task<IActionResult> AfterAsync(string type, Guid id, string done, ShareUpdateResult result, CancellationToken ct)
    {
        switch (result.Status)
        {
            case ShareUpdateStatus.NotFound:
                return NotFound();
            case ShareUpdateStatus.Saved:
                return Redirect(Self(type, id, done));
            case ShareUpdateStatus.Refused:
                await LoadAsync(type, id, ct);
                return Failed(s["Share.Refused", result.Refused.Count]);
            default:
                await LoadAsync(type, id, ct);
                return Failed(string.Join(" ", result.UnknownRights.Select(r => s["Error.UnknownRight", r].Value)));
        }
    }

    private PageResult Failed(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string Self(string type, Guid id, string done) =>
        Url.Page("/Sharing/Share", null, new { type, id, done, returnUrl = Back })!;

    private async Task<Guid> MeAsync(CancellationToken ct) => (await currentUser.RequireAsync(ct)).Id;

    private async Task<bool> LoadAsync(string type, Guid id, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var sheet = await view.HandleAsync(me, type, id, ct);
        if (sheet is null)
        {
            return false;
        }

        Sheet = sheet;
        var q = (Q ?? "").Trim();
        Q = q.Length > 100 ? q[..100] : q;
        Results = Q.Length > 0 ? await recipients.SearchAsync(me, Q, ct) : null;
        Bookmarks = await bookmarks.ListAsync(me, ct);
        return true;
    }
}
