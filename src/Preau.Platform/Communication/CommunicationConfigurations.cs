using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Communication;

// Communication tables carry the "com_" prefix.
internal sealed class GroupLinkConfiguration : IEntityTypeConfiguration<GroupLink>
{
    public void Configure(EntityTypeBuilder<GroupLink> b)
    {
        b.ToTable("com_links");
        b.HasKey(l => new { l.FromGroupId, l.ToGroupId });
        b.HasOne<Group>().WithMany().HasForeignKey(l => l.FromGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(l => l.ToGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.ToGroupId);
    }
}

internal sealed class StructureReachRulesConfiguration : IEntityTypeConfiguration<StructureReachRules>
{
    public void Configure(EntityTypeBuilder<StructureReachRules> b)
    {
        b.ToTable("com_structure_rules");
        b.HasKey(r => r.StructureId);
        b.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
