using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Sharing;

// Sharing tables carry the "shr_" prefix.
internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> b)
    {
        b.ToTable("shr_shares");
        // A principal id names one person or one group (both are version-7 GUIDs): the key
        // serves "the shares of this resource" and "does anyone of these ids hold a right on it".
        b.HasKey(s => new { s.ResourceType, s.ResourceId, s.PrincipalId });
        b.Property(s => s.ResourceType).HasMaxLength(64);
        // "Which resources of this type may this person read": from the principal's side.
        b.HasIndex(s => new { s.PrincipalId, s.ResourceType, s.ResourceId });
    }
}

internal sealed class ShareBookmarkConfiguration : IEntityTypeConfiguration<ShareBookmark>
{
    public void Configure(EntityTypeBuilder<ShareBookmark> b)
    {
        b.ToTable("shr_bookmarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OwnerId);
    }
}

internal sealed class ShareBookmarkMemberConfiguration : IEntityTypeConfiguration<ShareBookmarkMember>
{
    public void Configure(EntityTypeBuilder<ShareBookmarkMember> b)
    {
        b.ToTable("shr_bookmark_members");
        b.HasKey(x => new { x.BookmarkId, x.PrincipalId });
        b.HasOne<ShareBookmark>().WithMany().HasForeignKey(x => x.BookmarkId).OnDelete(DeleteBehavior.Cascade);
    }
}
