using Preau.Platform.Kernel;

namespace Preau.Messaging;

/// <summary>The messagerie's settings (section "Messaging").</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long after sending the sender may still recall a message.</summary>
    public TimeSpan RecallDelay { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>People one message may reach once its groups are expanded.</summary>
    public int MaxRecipients { get; set; } = 3000;

    /// <summary>Addresses (people and groups) one message may name.</summary>
    public int MaxAddresses { get; set; } = 200;

    /// <summary>The body's length in characters of HTML.</summary>
    public int BodyMaxLength { get; set; } = 200_000;

    /// <summary>The largest attachment, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>All the attachments of one message together, in bytes.</summary>
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    public int MaxAttachments { get; set; } = 20;

    /// <summary>Messages one person may send within <see cref="RateWindow"/>; past it, sends wait.</summary>
    public int SendsPerWindow { get; set; } = 30;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The window over which the mass-send watch adds up a sender's recipients.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Recipients within <see cref="AlertWindow"/> past which the sender's ADMLs are alerted, per
    /// profile: a director writing to every family is ordinary, a pupil writing to 40 people is not.
    /// </summary>
    public Dictionary<Profile, int> AlertThresholds { get; set; } = new()
    {
        [Profile.Student] = 40,
        [Profile.Relative] = 60,
        [Profile.Guest] = 10,
        [Profile.Periscolaire] = 300,
        [Profile.Teacher] = 600,
        [Profile.Personnel] = 2500,
    };

    /// <summary>A folder's page.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>The earliest a message may be scheduled, from now.</summary>
    public TimeSpan MinScheduleDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The latest a message may be scheduled, from now.</summary>
    public TimeSpan MaxScheduleDelay { get; set; } = TimeSpan.FromDays(365);

    public int AlertThreshold(Profile profile) => AlertThresholds.TryGetValue(profile, out var n) ? n : 100;
}
