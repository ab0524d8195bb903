using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Flash;

// Flash tables carry the "flh_" prefix.
internal sealed class FlashMessageConfiguration : IEntityTypeConfiguration<FlashMessage>
{
    public void Configure(EntityTypeBuilder<FlashMessage> b)
    {
        b.ToTable("flh_messages");
        b.Property(m => m.TitleFr).HasMaxLength(FlashRules.TitleLength);
        b.Property(m => m.TitleEn).HasMaxLength(FlashRules.TitleLength);
        b.Property(m => m.TextFr).HasMaxLength(FlashRules.TextLength);
        b.Property(m => m.TextEn).HasMaxLength(FlashRules.TextLength);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        // The board loads the messages not yet ended.
        b.HasIndex(m => m.EndsAt);
    }
}

internal sealed class FlashTargetConfiguration : IEntityTypeConfiguration<FlashTarget>
{
    public void Configure(EntityTypeBuilder<FlashTarget> b)
    {
        b.ToTable("flh_message_structures");
        b.HasKey(t => new { t.MessageId, t.StructureId });
        b.HasOne<FlashMessage>().WithMany().HasForeignKey(t => t.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Structure>().WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.StructureId, t.MessageId });
    }
}

internal sealed class FlashDismissalConfiguration : IEntityTypeConfiguration<FlashDismissal>
{
    public void Configure(EntityTypeBuilder<FlashDismissal> b)
    {
        b.ToTable("flh_dismissals");
        // A person's dismissals among the current messages: one lookup on the key.
        b.HasKey(d => new { d.UserId, d.MessageId });
        b.HasOne<FlashMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
