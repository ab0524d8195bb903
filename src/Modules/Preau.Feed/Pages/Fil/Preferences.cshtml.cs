using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Feed.Preferences;
using Preau.Feed.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// "Mes notifications": one form with, for each type, where it goes and whether it rings the
/// person's phone; one save, one reset. Young pupils without an email address choose only whether
/// they see each type. A save writes only what the person changed on the page, so the types they
/// left alone keep following the defaults.
/// </summary>
public sealed class PreferencesModel(CurrentUser currentUser, Shell shell, ViewPreferences view, SavePreferences save, IStringLocalizer<PreferenceStrings> s) : PageModel
{
    public ViewPreferences.Sheet Sheet { get; private set; } = null!;

    public ShellView View { get; private set; } = null!;

    /// <summary>A young pupil without an address: "I see it" or "I don't", nothing about email or phones.</summary>
    public bool Simple => View.IsYoungPupil && !Sheet.HasEmail;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var me = await LoadAsync(ct);
        var form = await Request.ReadFormAsync(ct);
        var pushed = form["p"].ToHashSet(StringComparer.Ordinal);
        var changes = new List<SavePreferences.Change>();
        foreach (var type in Sheet.Apps.SelectMany(a => a.Types))
        {
            var posted = form["c." + type.Type].FirstOrDefault();
            var channel = posted is not null && !string.Equals(posted, Shown(type).ToString(), StringComparison.OrdinalIgnoreCase) ? posted : null;
            bool? push = !Simple && pushed.Contains(type.Type) != type.Push ? !type.Push : null;
            if (channel is not null || push is not null)
            {
                changes.Add(new SavePreferences.Change(type.Type, channel, push));
            }
        }

        if (changes.Count > 0 && await save.SetAsync(me, changes, ct) is { } refusal)
        {
            Error = string.Join(" ", refusal.Errors.Values.SelectMany(e => e).Select(e => s[e.Key, e.Value ?? string.Empty].Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/fil/preferences?done=saved");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await save.ResetAsync(await currentUser.RequireAsync(ct), null, ct);
        return Redirect("/fil/preferences?done=reset");
    }

    /// <summary>The channel the page shows selected: in the simple page, any channel but Never is "I see it".</summary>
    public FeedChannel Shown(ViewPreferences.TypeView type) =>
        Simple && type.Channel != FeedChannel.Never ? FeedChannel.Feed : type.Channel;

    /// <summary>The choices the page offers.</summary>
    public IReadOnlyList<FeedChannel> Channels => Simple ? YoungChannels : Enum.GetValues<FeedChannel>();

    private static readonly FeedChannel[] YoungChannels = [FeedChannel.Feed, FeedChannel.Never];

    private async Task<UserContext> LoadAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        View = await shell.GetAsync(ct);
        Sheet = await view.HandleAsync(me, ct);
        return me;
    }
}
