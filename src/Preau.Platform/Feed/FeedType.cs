using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Preau.Platform.Kernel;

namespace Preau.Platform.Feed;

/// <summary>
/// Where a person wants one type of notification: nowhere, in the feed only, or in the feed and
/// by email (at once, in the day's digest, in the week's digest). Stored as its number.
/// </summary>
public enum FeedChannel
{
    Never = 0,
    Feed = 1,
    Immediate = 2,
    Daily = 3,
    Weekly = 4,
}

/// <summary>
/// A kind of notification a module publishes ("news.published"), declared once with
/// <see cref="FeedServiceCollectionExtensions.AddFeedType"/>.
/// </summary>
/// <param name="Key">Unique, dotted: the module's code name then the event ("news.published").</param>
/// <param name="App">The application it belongs to (an <c>AppEntry</c> key): the feed's filter and icon.</param>
/// <param name="Icon">The icon name shown beside each item.</param>
/// <param name="Labels">The module's strings (a resx marker type).</param>
/// <param name="LabelKey">The type's name in preferences ("Une actualité est publiée").</param>
/// <param name="TextKey">The item's text with named placeholders: "{actor} a publié « {title} »".
/// <c>{actor}</c> is the actor's name; the others come from <see cref="FeedNotice.Values"/>.</param>
/// <param name="ShortTextKey">The few words the 1st-degree interface shows ("{title}"); the text when null.</param>
public sealed record FeedType(string Key, string App, string Icon, Type Labels, string LabelKey, string TextKey, string? ShortTextKey = null)
{
    /// <summary>Where the type goes when neither the person nor the SuperAdmin chose; per profile.</summary>
    public IReadOnlyDictionary<Profile, FeedChannel> Defaults { get; init; } = new Dictionary<Profile, FeedChannel>();

    /// <summary>The channel for a profile when nobody chose: the declared default, else the feed only.</summary>
    public FeedChannel DefaultFor(Profile profile) => Defaults.TryGetValue(profile, out var channel) ? channel : FeedChannel.Feed;

    /// <summary>Whether push to the person's devices is on by default (they may change it).</summary>
    public bool PushByDefault { get; init; }
}

/// <summary>Every declared feed type, by key.</summary>
public sealed class FeedTypes(IEnumerable<FeedType> types)
{
    private readonly Dictionary<string, FeedType> _byKey = types.ToDictionary(t => t.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<FeedType> All => _byKey.Values;

    public FeedType? Find(string key) => _byKey.GetValueOrDefault(key);

    public FeedType Get(string key) => Find(key) ?? throw new InvalidOperationException($"The feed type {key} is not declared: call AddFeedType in the module's AddX.");

    /// <summary>The applications that publish, in declaration order.</summary>
    public IReadOnlyList<string> Apps => _byKey.Values.Select(t => t.App).Distinct(StringComparer.Ordinal).ToList();
}

public static class FeedServiceCollectionExtensions
{
    /// <summary>Declares a kind of notification a module publishes.</summary>
    public static IServiceCollection AddFeedType(this IServiceCollection services, FeedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        services.AddSingleton(type);
        return services;
    }

    /// <summary>The feed's platform services; called by AddPreauPlatform.</summary>
    public static IServiceCollection AddPreauFeed(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection("Feed"));
        services.TryAddSingleton<FeedTypes>();
        services.TryAddScoped<FeedDefaults>();
        services.TryAddScoped<FeedPublisher>();
        services.TryAddScoped<FeedReader>();
        services.TryAddSingleton<FeedText>();
        services.TryAddSingleton<FeedApps>();
        return services;
    }
}

public sealed class FeedOptions
{
    /// <summary>Repeats of the same type by the same actor on the same resource within this window are merged.</summary>
    public TimeSpan MergeWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back a new member of a group sees the events whose module opened them to later members.</summary>
    public TimeSpan LaterMembersWindow { get; set; } = TimeSpan.FromDays(60);

    /// <summary>The unread count stops counting here and shows "99+".</summary>
    public int UnreadCap { get; set; } = 99;
}
