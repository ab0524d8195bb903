using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Feed.Delivery;

/// <summary>
/// One email of the feed to one person, recorded before it leaves: "event:123" for an immediate
/// email, "daily:…"/"weekly:…" for a digest's period. A job retried after a failure, or run
/// again, skips the people already recorded, so nobody gets the same email twice.
/// </summary>
internal sealed class FeedMailSend
{
    public Guid UserId { get; init; }
    public required string Key { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

internal sealed class FeedMailSendConfiguration : IEntityTypeConfiguration<FeedMailSend>
{
    public void Configure(EntityTypeBuilder<FeedMailSend> b)
    {
        b.ToTable("fed_mail_sends");
        b.HasKey(x => new { x.Key, x.UserId });
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // The purge of old records.
        b.HasIndex(x => x.SentAt);
    }
}
