namespace Preau.Feed.Push;

/// <summary>Web Push settings ("Push" section).</summary>
public sealed class PushOptions
{
    /// <summary>The VAPID public key (base64url, uncompressed P-256 point); with <see cref="PrivateKey"/>, else made once and kept in the database.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The VAPID private key (base64url, 32 bytes).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Who push services may contact about our messages: "mailto:…" or an https address; "mailto:" + Mail:From when empty.</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// The push services' host names accepted for a device's endpoint (a name or any sub-domain of it).
    /// The browsers' services by default; the server only ever calls these, never an address a person made up.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Accept http endpoints on the loopback address: tests and development only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How many notifications are sent at the same time.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long one push service may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a push service keeps a notification for a device that is off.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many devices one person may register.</summary>
    public int MaxDevicesPerPerson { get; set; } = 10;

    internal static readonly string[] DefaultHosts =
    [
        "fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com",
    ];

    internal IEnumerable<string> Hosts => AllowedHosts.Count > 0 ? AllowedHosts : DefaultHosts;
}
