using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Feed;

// Feed tables carry the "fed_" prefix. Recipient rows carry no foreign keys: they are written by
// the hundred thousand and cleaned with their event or their person by set statements.
internal sealed class FeedEventConfiguration : IEntityTypeConfiguration<FeedEvent>
{
    public void Configure(EntityTypeBuilder<FeedEvent> b)
    {
        b.ToTable("fed_events");
        b.Property(e => e.Type).HasMaxLength(64);
        b.Property(e => e.App).HasMaxLength(32);
        b.Property(e => e.ResourceKey).HasMaxLength(128);
        b.Property(e => e.Link).HasMaxLength(400);
        b.Property(e => e.Values).HasMaxLength(4000);
        // The merge looks for the same actor's recent event on the same resource.
        b.HasIndex(e => new { e.ResourceKey, e.ActorId, e.CreatedAt });
        b.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class FeedEventGroupConfiguration : IEntityTypeConfiguration<FeedEventGroup>
{
    public void Configure(EntityTypeBuilder<FeedEventGroup> b)
    {
        b.ToTable("fed_event_groups");
        b.HasKey(x => new { x.EventId, x.GroupId });
        b.HasOne<FeedEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        // A newcomer's catch-up: the events told to their groups.
        b.HasIndex(x => new { x.GroupId, x.EventId });
    }
}

internal sealed class FeedEventUserConfiguration : IEntityTypeConfiguration<FeedEventUser>
{
    public void Configure(EntityTypeBuilder<FeedEventUser> b)
    {
        b.ToTable("fed_event_users");
        b.HasKey(x => new { x.EventId, x.UserId });
        b.HasOne<FeedEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedRecipientConfiguration : IEntityTypeConfiguration<FeedRecipient>
{
    public void Configure(EntityTypeBuilder<FeedRecipient> b)
    {
        b.ToTable("fed_recipients");
        // Every publication writes one row per audience member into each index that starts with
        // the person (a random place in a large index), so there are two such indexes only.
        // The feed, filtered or not: a person's items newest first, on the key.
        b.HasKey(x => new { x.UserId, x.EventId });
        b.Property(x => x.App).HasMaxLength(32);
        // The unread count: an index-only count over the unread items alone, capped. Read items
        // leave this index, so it stays small and in memory.
        b.HasIndex(x => x.UserId).HasDatabaseName("ix_fed_recipients_unread").HasFilter("state = 0");
        // Removing an event's items: new events have the highest ids, so this one grows at its end.
        b.HasIndex(x => x.EventId);
    }
}

internal sealed class FeedPreferenceConfiguration : IEntityTypeConfiguration<FeedPreference>
{
    public void Configure(EntityTypeBuilder<FeedPreference> b)
    {
        b.ToTable("fed_preferences");
        b.HasKey(x => new { x.UserId, x.Type });
        b.Property(x => x.Type).HasMaxLength(64);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedTypeDefaultConfiguration : IEntityTypeConfiguration<FeedTypeDefault>
{
    public void Configure(EntityTypeBuilder<FeedTypeDefault> b)
    {
        b.ToTable("fed_type_defaults");
        b.HasKey(x => new { x.Type, x.Profile });
        b.Property(x => x.Type).HasMaxLength(64);
    }
}

internal sealed class FeedReportConfiguration : IEntityTypeConfiguration<FeedReport>
{
    public void Configure(EntityTypeBuilder<FeedReport> b)
    {
        b.ToTable("fed_reports");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<FeedEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.StructureId, x.Decision, x.CreatedAt });
        b.HasIndex(x => new { x.EventId, x.ReporterId }).IsUnique();
    }
}
