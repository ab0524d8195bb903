using System.Globalization;
using Microsoft.AspNetCore.Http;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Platform.Theming;

/// <summary>What the app shell needs to draw one page: who, which school, which interface and display.</summary>
public sealed record ShellView(
    UserContext? User,
    StructureRef? School,
    Degree Degree,
    DisplayPreferences Display,
    string Language)
{
    public string CssClasses => DisplaySettings.CssClasses(Degree, Display);

    public bool IsFirstDegree => Degree == Degree.First;

    /// <summary>Young pupils get pictograms and read-aloud before words.</summary>
    public bool IsYoungPupil => IsFirstDegree && User?.Profile == Profile.Student;
}

/// <summary>The bell's count of unread feed items: <see cref="Text"/> is "99+" past the cap.</summary>
public sealed record UnreadBadge(int Count, bool OverCap, int Cap)
{
    public string Text => OverCap ? string.Create(CultureInfo.InvariantCulture, $"{Cap}+") : Count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Builds the <see cref="ShellView"/> of the request once; the layout and the page share it.</summary>
public sealed class Shell(CurrentUser currentUser, IHttpContextAccessor accessor, AppCatalog catalog, AppRights rights, FeedReader feed)
{
    private ShellView? _view;
    private UnreadBadge? _unread;

    public async Task<ShellView> GetAsync(CancellationToken ct = default)
    {
        if (_view is not null)
        {
            return _view;
        }

        var http = accessor.HttpContext!;
        var user = await currentUser.GetAsync(ct);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (user is null)
        {
            return _view = new ShellView(null, null, Degree.Second, DisplaySettings.FromCookie(http.Request), language);
        }

        var school = currentUser.CurrentStructure(user);
        return _view = new ShellView(user, school, school?.Degree ?? Degree.Second, user.Display, language);
    }

    /// <summary>
    /// The signed-in person's unread count for the bell: one index-only query, made once per
    /// request whoever asks (the layout, a page that shows it too). Null for anonymous people.
    /// </summary>
    public async Task<UnreadBadge?> UnreadAsync(CancellationToken ct = default)
    {
        if (_unread is not null)
        {
            return _unread;
        }

        var user = (await GetAsync(ct)).User;
        if (user is null)
        {
            return null;
        }

        var count = await feed.UnreadCountAsync(user.Id, ct);
        return _unread = new UnreadBadge(count, feed.IsOverCap(count), feed.Cap);
    }

    /// <summary>The launcher's tiles for a person: those they may use, by function and by workflow rights.</summary>
    public async Task<IReadOnlyList<UserApp>> AppsForAsync(UserContext user, CancellationToken ct = default) =>
        catalog.For(user, await rights.HeldAsync(user.Id, ct));
}
