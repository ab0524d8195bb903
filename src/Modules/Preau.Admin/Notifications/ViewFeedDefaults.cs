using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Notifications;

/// <summary>
/// The platform's notification defaults as the SuperAdmin edits them: per application, each
/// declared type with, per profile, the channel and push a person of that profile gets when they
/// chose nothing, and what the module declared. Null for anyone but the SuperAdmin.
/// </summary>
public sealed class ViewFeedDefaults(PreauDbContext db, FeedTypes types, FeedDefaults defaults, FeedText text, FeedApps apps)
{
    public sealed record Matrix(bool Customised, IReadOnlyList<AppView> Apps);

    public sealed record AppView(string App, string Name, IReadOnlyList<TypeView> Types);

    public sealed record TypeView(string Type, string Label, string Icon, IReadOnlyList<Cell> Profiles);

    /// <summary>One profile's default for a type, and the module's declared one (Changed when they differ).</summary>
    public sealed record Cell(Profile Profile, FeedChannel Channel, bool Push, FeedChannel DeclaredChannel, bool DeclaredPush)
    {
        public bool Changed => Channel != DeclaredChannel || Push != DeclaredPush;
    }

    public async Task<Matrix?> HandleAsync(UserContext me, CancellationToken ct)
    {
        if (!me.IsSuperAdmin)
        {
            return null;
        }

        var byProfile = new Dictionary<Profile, IReadOnlyDictionary<string, FeedDefault>>();
        foreach (var profile in Enum.GetValues<Profile>())
        {
            byProfile[profile] = await defaults.ForProfileAsync(types, profile, ct);
        }

        var customised = await db.Set<FeedTypeDefault>().AnyAsync(ct);
        var views = types.Apps.Select(app => new AppView(app, apps.NameOf(app), [.. types.All.Where(t => t.App == app).Select(t =>
            new TypeView(t.Key, text.Label(t), t.Icon, [.. Enum.GetValues<Profile>().Select(p =>
            {
                var now = byProfile[p][t.Key];
                return new Cell(p, now.Channel, now.Push, t.DefaultFor(p), t.PushByDefault);
            })]))])).ToList();
        return new Matrix(customised, views);
    }
}
