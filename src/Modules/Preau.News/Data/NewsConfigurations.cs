using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.News.Domain;

namespace Preau.News.Data;

internal sealed class NewsThreadConfiguration : IEntityTypeConfiguration<NewsThread>
{
    public void Configure(EntityTypeBuilder<NewsThread> b)
    {
        b.ToTable("news_threads");
        b.HasKey(t => t.Id);
        b.Property(t => t.Title).HasMaxLength(NewsThread.TitleMax);
        b.Property(t => t.Color).HasMaxLength(16);
        b.HasIndex(t => t.OwnerId).HasDatabaseName("ix_news_threads_owner");
        // The home page: a school's threads.
        b.HasIndex(t => t.StructureId).HasDatabaseName("ix_news_threads_structure");
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> b)
    {
        b.ToTable("news_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Title).HasMaxLength(NewsItem.TitleMax);
        b.Property(i => i.Preview).HasMaxLength(300);
        // A thread's items, newest first.
        b.HasIndex(i => new { i.ThreadId, i.State, i.PublishAt }).HasDatabaseName("ix_news_items_thread");
        // The home page's headlines: published ones only.
        b.HasIndex(i => new { i.ThreadId, i.PublishAt }).HasFilter("headline AND state = 2").HasDatabaseName("ix_news_items_headlines");
        b.HasOne<NewsThread>().WithMany().HasForeignKey(i => i.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsCommentConfiguration : IEntityTypeConfiguration<NewsComment>
{
    public void Configure(EntityTypeBuilder<NewsComment> b)
    {
        b.ToTable("news_comments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Body).HasMaxLength(NewsComment.MaxLength);
        b.HasIndex(c => new { c.ItemId, c.CreatedAt }).HasDatabaseName("ix_news_comments_item");
        b.HasOne<NewsItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
