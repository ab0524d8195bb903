using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Storage;

// Storage tables carry the "sto_" prefix.
internal sealed class BlobRecordConfiguration : IEntityTypeConfiguration<BlobRecord>
{
    public void Configure(EntityTypeBuilder<BlobRecord> b)
    {
        b.ToTable("sto_blobs");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Sha256).HasMaxLength(64);
        // The collector looks for blobs unreferenced for a while: only those rows have a value.
        b.HasIndex(x => x.UnreferencedSince);
    }
}

internal sealed class StorageUsageConfiguration : IEntityTypeConfiguration<StorageUsage>
{
    public void Configure(EntityTypeBuilder<StorageUsage> b)
    {
        b.ToTable("sto_usage");
        b.HasKey(x => x.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
