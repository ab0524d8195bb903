using Microsoft.Extensions.Localization;
using Preau.Platform.Modules;

namespace Preau.Platform.Feed;

/// <summary>
/// The applications of the feed types as people see them: the launcher entry's name in the
/// reader's language, or the application's key when no entry declares it (the test module).
/// </summary>
public sealed class FeedApps(IEnumerable<AppEntry> entries, IStringLocalizerFactory localizers)
{
    private readonly Dictionary<string, AppEntry> _entries = entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Whether a launcher entry declares the application (so that its tile says who uses it).</summary>
    public bool HasEntry(string app) => _entries.ContainsKey(app);

    public string NameOf(string app) =>
        _entries.TryGetValue(app, out var entry) ? localizers.Create(entry.Strings)[entry.NameKey].Value : app;

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
