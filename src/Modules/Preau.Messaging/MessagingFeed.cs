using Microsoft.Extensions.DependencyInjection;
using Preau.Messaging.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;

namespace Preau.Messaging;

/// <summary>What the messagerie tells the fil d'actualité.</summary>
public static class MessagingFeed
{
    public const string App = "messaging";

    /// <summary>"Claire Martin vous a écrit : « Sortie au musée »", to each recipient.</summary>
    public const string Received = "messaging.received";

    /// <summary>To a school's ADMLs: an account reached an unusual number of people.</summary>
    public const string MassSend = "messaging.mass-send";

    public static string ResourceKey(Guid messageId) => $"messaging.message:{messageId}";

    internal static IServiceCollection AddMessagingFeed(this IServiceCollection services)
    {
        // Parents are told at once by email by default, as they were by the cahier de correspondance.
        services.AddFeedType(new FeedType(Received, App, "mail", typeof(MessagingStrings), "Feed.Received.Label", "Feed.Received.Text", "Feed.Received.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Relative] = FeedChannel.Immediate },
            PushByDefault = true,
        });
        services.AddFeedType(new FeedType(MassSend, App, "alert", typeof(MessagingStrings), "Feed.MassSend.Label", "Feed.MassSend.Text", "Feed.MassSend.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Personnel] = FeedChannel.Immediate, [Profile.Teacher] = FeedChannel.Immediate },
            PushByDefault = true,
        });
        return services;
    }
}
