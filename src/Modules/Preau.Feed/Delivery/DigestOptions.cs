namespace Preau.Feed.Delivery;

/// <summary>Bound from "Feed:Digest": when the digests leave, and how many people one batch covers.</summary>
public sealed class DigestOptions
{
    /// <summary>The daily digest's time in Europe/Paris ("17:30").</summary>
    public string Daily { get; set; } = "17:30";

    /// <summary>The weekly digest's day and time in Europe/Paris ("Friday 17:30").</summary>
    public string Weekly { get; set; } = "Friday 17:30";

    /// <summary>People per batch: one query for their items, one SMTP connection for their emails.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long the record of who got which email is kept (longer than any retry of a job).</summary>
    public TimeSpan KeepSends { get; set; } = TimeSpan.FromDays(60);
}
