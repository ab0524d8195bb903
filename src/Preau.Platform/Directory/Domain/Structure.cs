using Preau.Platform.Kernel;

namespace Preau.Platform.Directory.Domain;

/// <summary>A school (structure) with its national UAI code.</summary>
public sealed class Structure
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Uai { get; set; }
    public StructureType Type { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The school's charter (charte d'utilisation) in plain text, accepted at activation; null uses the platform's.</summary>
    public string? Charter { get; set; }

    /// <summary>The school year the structure is in, by the calendar year it starts (2026 for 2026-2027).</summary>
    public int SchoolYear { get; set; }
}

public sealed class SchoolClass
{
    public Guid Id { get; init; }
    public Guid StructureId { get; init; }
    public required string Name { get; set; }
    public ClassLevel Level { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The school year of the class, by the calendar year it starts (2026 for 2026-2027).</summary>
    public int SchoolYear { get; set; }

    /// <summary>Set when the school year rolled over: the class is kept for the record, with no members.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>
/// A whole profile of a structure blocked by an administrator (parents during an incident…):
/// its members who belong to no other open structure cannot sign in.
/// </summary>
public sealed class BlockedProfile
{
    public Guid StructureId { get; init; }
    public Profile Profile { get; init; }
    public DateTimeOffset BlockedAt { get; init; }
    public Guid? BlockedBy { get; init; }
}
