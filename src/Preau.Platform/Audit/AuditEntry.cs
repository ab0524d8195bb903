namespace Preau.Platform.Audit;

/// <summary>
/// One security-relevant change: who did what to whom, when and from where. Written in the same
/// unit of work as the change it records, so that no change goes unrecorded.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>Null for the platform itself (a job, an import's grace-period purge).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>The actor's name when it was written, so that the trail reads after they are gone.</summary>
    public string? ActorName { get; init; }

    /// <summary>A stable dotted code, such as "user.block" or "import.apply"; pages translate it.</summary>
    public required string Action { get; init; }

    /// <summary>The person acted upon, if any.</summary>
    public Guid? TargetUserId { get; init; }

    public string? TargetName { get; init; }

    /// <summary>The structure the change belongs to, for ADML scoping of the trail.</summary>
    public Guid? StructureId { get; init; }

    /// <summary>A short, plain-text account of the change (counts, old and new values…); never a secret.</summary>
    public string? Details { get; init; }

    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
}
