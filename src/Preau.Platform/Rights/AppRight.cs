using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Platform.Rights;

/// <summary>
/// One departure of a structure from its applications' defaults: a profile given or refused an
/// action, or a group given it. A structure nobody customised has no row; resetting deletes its rows.
/// </summary>
public sealed class AppRight
{
    public const int ActionMaxLength = 100;

    public Guid Id { get; init; }
    public Guid StructureId { get; init; }
    public required string Action { get; init; }

    /// <summary>The holder when it is a profile (of the structure's members); null for a group.</summary>
    public Profile? Profile { get; init; }

    /// <summary>The holder when it is a group of the structure; null for a profile.</summary>
    public Guid? GroupId { get; init; }

    /// <summary>Given or refused: a profile row may take away what the defaults give; a group row always gives.</summary>
    public bool Allowed { get; init; }
}

internal sealed class AppRightConfiguration : IEntityTypeConfiguration<AppRight>
{
    public void Configure(EntityTypeBuilder<AppRight> b)
    {
        b.ToTable("app_rights");
        b.HasKey(r => r.Id);
        b.Property(r => r.Action).HasMaxLength(AppRight.ActionMaxLength);
        b.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.StructureId, r.Action });
        b.HasIndex(r => r.GroupId);
    }
}
