using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Data;

// Provisioning tables carry the "imp_" prefix.
internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("imp_runs");
        b.Property(r => r.FileName).HasMaxLength(255);
        b.Property(r => r.Encoding).HasMaxLength(32);
        b.Property(r => r.Delimiter).HasMaxLength(1);
        b.Property(r => r.Mapping).HasMaxLength(2000);
        b.Property(r => r.UploadedByName).HasMaxLength(200);
        b.Property(r => r.AppliedByName).HasMaxLength(200);
        b.Property(r => r.AppliedFromAddress).HasMaxLength(64);
        b.Property(r => r.AppliedFromAgent).HasMaxLength(400);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.StructureId, r.UploadedAt });
        b.HasIndex(r => r.State);
    }
}

internal sealed class DetachmentConfiguration : IEntityTypeConfiguration<Detachment>
{
    public void Configure(EntityTypeBuilder<Detachment> b)
    {
        b.ToTable("imp_detachments");
        b.HasKey(d => new { d.UserId, d.StructureId });
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.StructureId, d.DetachedAt });
        b.HasIndex(d => d.DetachedAt);
    }
}
