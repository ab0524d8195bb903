using Microsoft.Extensions.Localization;
using Preau.Platform.Feed;
using Preau.Platform.Modules;

namespace Preau.Feed.Features.FeedReading;

/// <summary>An application that publishes to the feed, as the filter and the items show it.</summary>
public sealed record FeedApp(string Key, string Label, string Color);

/// <summary>
/// The applications of the feed's filter, in the catalog's order: named as their launcher tile
/// when they have one, else by their first feed type's label (the test source, "tests", has none).
/// </summary>
public sealed class FeedApps(FeedTypes types, IEnumerable<AppEntry> entries, IStringLocalizerFactory localizers, FeedText text)
{
    private readonly Dictionary<string, AppEntry> _entries = entries.GroupBy(e => e.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<FeedApp> All() => [.. types.Apps.Select(Describe)];

    public FeedApp Describe(string app)
    {
        if (_entries.TryGetValue(app, out var entry))
        {
            return new FeedApp(app, localizers.Create(entry.Strings)[entry.NameKey].Value, entry.Color);
        }

        var first = types.All.FirstOrDefault(t => string.Equals(t.App, app, StringComparison.Ordinal));
        return new FeedApp(app, first is null ? app : text.Label(first), "blue");
    }
}
