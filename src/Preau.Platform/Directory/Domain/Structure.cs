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
}

public sealed class SchoolClass
{
    public Guid Id { get; init; }
    public Guid StructureId { get; init; }
    public required string Name { get; set; }
    public ClassLevel Level { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
