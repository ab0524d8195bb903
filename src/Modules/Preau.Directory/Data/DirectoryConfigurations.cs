using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Directory.Domain;
using Preau.Platform.Directory.Domain;

namespace Preau.Directory.Data;

internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> builder)
    {
        builder.ToTable("ann_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Mood).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Motto).HasMaxLength(PersonProfile.MottoMaxLength);
        builder.Property(p => p.PhotoTag).HasMaxLength(32);
        builder.HasOne<User>().WithOne().HasForeignKey<PersonProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonPhotoConfiguration : IEntityTypeConfiguration<PersonPhoto>
{
    public void Configure(EntityTypeBuilder<PersonPhoto> builder)
    {
        builder.ToTable("ann_photos");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.Property(p => p.Tag).HasMaxLength(32);
        builder.HasOne<User>().WithOne().HasForeignKey<PersonPhoto>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
