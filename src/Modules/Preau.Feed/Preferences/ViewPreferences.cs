using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Theming;

namespace Preau.Feed.Preferences;

/// <summary>
/// A person's notification settings: for each application they use, each declared type with where
/// it goes for them (their own choice, else their profile's default through <see cref="FeedDefaults"/>),
/// and whether they have an email address for the email channels.
/// </summary>
public sealed class ViewPreferences(PreauDbContext db, FeedTypes types, FeedDefaults defaults, FeedText text, FeedApps apps, Shell shell)
{
    public sealed record Sheet(bool HasEmail, IReadOnlyList<AppView> Apps);

    public sealed record AppView(string App, string Name, IReadOnlyList<TypeView> Types);

    /// <summary>One type for the person: its channel and push as they apply now, and the default they would get back on reset.</summary>
    public sealed record TypeView(string Type, string Label, string Icon, FeedChannel Channel, bool Push, bool IsOwn, FeedChannel DefaultChannel, bool DefaultPush);

    public async Task<Sheet> HandleAsync(UserContext me, CancellationToken ct)
    {
        var hasEmail = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.Email).FirstOrDefaultAsync(ct) is { Length: > 0 };
        var choices = await defaults.ForUserAsync(types, me.Id, me.Profile, ct);
        var byProfile = await defaults.ForProfileAsync(types, me.Profile, ct);

        // An application with a launcher tile shows its types to the people who have the tile;
        // the others would never receive them.
        var usable = (await shell.AppsForAsync(me, ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var views = types.Apps
            .Where(app => !apps.HasEntry(app) || usable.Contains(app))
            .Select(app => new AppView(app, apps.NameOf(app), [.. types.All.Where(t => t.App == app).Select(t =>
            {
                var choice = choices[t.Key];
                var fallback = byProfile[t.Key];
                return new TypeView(t.Key, text.Label(t), t.Icon, choice.Channel, choice.Push, choice.IsOwn, fallback.Channel, fallback.Push);
            })]))
            .ToList();
        return new Sheet(hasEmail, views);
    }
}
