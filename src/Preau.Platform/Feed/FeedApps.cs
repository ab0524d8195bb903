using Microsoft.Extensions.Localization;
using Preau.Platform.Modules;

namespace Preau.Platform.Feed;

/// <summary>An application that publishes to the feed, as the filter, the items and the preferences show it.</summary>
public sealed record FeedApp(string Key, string Label, string Color);

/// <summary>
/// The applications of the feed types as people see them, in the catalog's order: named as their
/// launcher tile in the reader's language when they have one, else by their first feed type's
/// label (the test source, "tests", has none).
/// </summary>
public sealed class FeedApps(FeedTypes types, IEnumerable<AppEntry> entries, IStringLocalizerFactory localizers, FeedText text)
{
    private readonly Dictionary<string, AppEntry> _entries = entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Whether a launcher entry declares the application (so that its tile says who uses it).</summary>
    public bool HasEntry(string app) => _entries.ContainsKey(app);

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

    public string NameOf(string app) => Describe(app).Label;

    /// <summary>
    /// A channel from its name ("Daily", any case): numbers and unknown names are refused, so an API
    /// caller cannot slip in a value the enum does not define.
    /// </summary>
    public static bool TryParseChannel(string? text, out FeedChannel channel)
    {
        var name = text?.Trim();
        channel = default;
        return !string.IsNullOrEmpty(name) && Enum.TryParse(name, ignoreCase: true, out channel) && Enum.IsDefined(channel)
            && string.Equals(channel.ToString(), name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A channel a use case already checked with <see cref="TryParseChannel"/>.</summary>
    public static FeedChannel ParseChannel(string name) =>
        TryParseChannel(name, out var channel) ? channel : throw new ArgumentException($"{name} is not a feed channel.", nameof(name));
}
