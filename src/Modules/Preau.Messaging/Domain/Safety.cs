using Preau.Platform.Kernel;

namespace Preau.Messaging.Domain;

/// <summary>
/// A school's rule for one profile's messaging, set by its ADML: off altogether (an incident), or
/// quiet between two times of the day in Europe/Paris (pupils may not send from 20:00 to 07:00).
/// Reading stays open; only sending is held.
/// </summary>
public sealed class MessagingPolicy
{
    public Guid StructureId { get; init; }
    public Profile Profile { get; init; }
    public bool SendingEnabled { get; set; } = true;

    /// <summary>Start of the quiet hours; none when null. Quiet hours may span midnight.</summary>
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietTo { get; set; }

    public Guid? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsQuietAt(TimeOnly time) =>
        QuietFrom is { } from && QuietTo is { } to && from != to &&
        (from < to ? time >= from && time < to : time >= from || time < to);
}

public enum ReportDecision
{
    Pending = 0,
    Kept = 1,
    Removed = 2,
}

/// <summary>A recipient's report of a message to their school's ADMLs.</summary>
public sealed class MessageReport
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid ReporterId { get; init; }
    public Guid StructureId { get; init; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public ReportDecision Decision { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>
/// Raised when one account sends to an unusual number of people in a short time (a stolen account
/// used to threaten schools sends to hundreds): the sender's schools' ADMLs see it and are told.
/// </summary>
public sealed class MassSendAlert
{
    public Guid Id { get; init; }
    public Guid SenderId { get; init; }
    public Guid? StructureId { get; init; }
    public Guid MessageId { get; init; }

    /// <summary>People reached by the sender within the watch window, this message included.</summary>
    public int Recipients { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public Guid? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
