using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Preau.Feed.Features.FeedReading;
using Preau.Platform.Feed;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// "Quoi de neuf ?": the person's feed, newest first, by application, page after page
/// (<c>?avant={eventId}</c>); "mark all read", and per item "mark read" and "hide" as plain form
/// posts that come back here (the module's script does them in place through the API).
/// </summary>
public sealed class IndexModel(CurrentUser currentUser, Shell shell, ReadFeed feed, FeedItemActions items, FeedApps apps) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "app")]
    public string? App { get; set; }

    [BindProperty(SupportsGet = true, Name = "avant")]
    public long? Before { get; set; }

    /// <summary>What was just done, for the confirmation: "lu", "tout-lu", "masque", "signale".</summary>
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    public ShellView View { get; private set; } = null!;

    public FeedPage Feed { get; private set; } = new([], null);

    public ReadFeed.Unread Unread { get; private set; } = new(0, false);

    public IReadOnlyList<FeedApp> Apps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var request = feed.Lenient(new ReadFeed.Request(App, Before));
        (App, Before) = (request.App, request.Before);
        Done = Done is "lu" or "tout-lu" or "masque" or "signale" ? Done : null;
        Feed = await feed.PageAsync(me.Id, request, ct);
        // After the page (and its catch-up), so that the bell shares the same count.
        Unread = ReadFeed.Unread.Of(await shell.UnreadAsync(ct));
        Apps = apps.All();
    }

    public async Task<IActionResult> OnPostReadAllAsync(string? returnUrl, CancellationToken ct)
    {
        await items.MarkAllReadAsync((await currentUser.RequireAsync(ct)).Id, ct);
        return LocalRedirect(Back(returnUrl, "tout-lu"));
    }

    public async Task<IActionResult> OnPostReadAsync(long id, string? returnUrl, CancellationToken ct) =>
        await items.MarkReadAsync((await currentUser.RequireAsync(ct)).Id, id, ct) ? LocalRedirect(Back(returnUrl, "lu")) : NotFound();

    public async Task<IActionResult> OnPostHideAsync(long id, string? returnUrl, CancellationToken ct) =>
        await items.HideAsync((await currentUser.RequireAsync(ct)).Id, id, ct) ? LocalRedirect(Back(returnUrl, "masque")) : NotFound();

    /// <summary>The address of another page of the feed, keeping the filter.</summary>
    public static string PageUrl(string? app, long? before) =>
        QueryHelpers.AddQueryString("/fil", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["app"] = app,
            ["avant"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null));

    /// <summary>
    /// Where a form comes back to: the feed page it was posted from, told what was done, or the
    /// home page's section.
    /// </summary>
    internal static string Back(string? returnUrl, string done)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
        {
            returnUrl = "/fil";
        }

        var queryAt = returnUrl.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? returnUrl : returnUrl[..queryAt];
        if (!string.Equals(path, "/fil", StringComparison.Ordinal))
        {
            return "/#whats-new";
        }

        var query = QueryHelpers.ParseQuery(queryAt < 0 ? string.Empty : returnUrl[queryAt..]);
        var kept = query.Where(q => q.Key is "app" or "avant").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()));
        return QueryHelpers.AddQueryString("/fil", kept.Append(KeyValuePair.Create("fait", (string?)done)));
    }
}
