using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Blog.Domain;
using Preau.Blog.Features;

namespace Preau.Blog.Data;

internal sealed class BlogBlogConfiguration : IEntityTypeConfiguration<BlogBlog>
{
    public void Configure(EntityTypeBuilder<BlogBlog> b)
    {
        b.ToTable("blog_blogs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(BlogBlog.TitleMax);
        b.Property(x => x.Description).HasMaxLength(BlogBlog.DescriptionMax);
        b.Property(x => x.Slug).HasMaxLength(BlogSlugs.MaxLength);
        b.HasIndex(x => x.Slug).IsUnique().HasDatabaseName("ux_blog_blogs_slug");
        b.HasIndex(x => new { x.OwnerId, x.TrashedAt }).HasDatabaseName("ix_blog_blogs_owner");
    }
}

internal sealed class BlogPostConfiguration : IEntityTypeConfiguration<BlogPost>
{
    public void Configure(EntityTypeBuilder<BlogPost> b)
    {
        b.ToTable("blog_posts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(BlogPost.TitleMax);
        b.Property(x => x.Excerpt).HasMaxLength(400);
        b.Property(x => x.Remark).HasMaxLength(BlogPost.RemarkMax);
        // A blog's page: its published posts by first publication, newest first, one range then LIMIT.
        b.HasIndex(x => new { x.BlogId, x.State, x.FirstPublishedAt, x.Id }).HasDatabaseName("ix_blog_posts_blog");
        // A person's drafts and submitted posts.
        b.HasIndex(x => new { x.AuthorId, x.State }).HasDatabaseName("ix_blog_posts_author");
        b.HasOne<BlogBlog>().WithMany().HasForeignKey(x => x.BlogId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlogCommentConfiguration : IEntityTypeConfiguration<BlogComment>
{
    public void Configure(EntityTypeBuilder<BlogComment> b)
    {
        b.ToTable("blog_comments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Body).HasMaxLength(BlogComment.MaxLength);
        b.HasIndex(x => new { x.PostId, x.CreatedAt }).HasDatabaseName("ix_blog_comments_post");
        b.HasOne<BlogPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlogMediaConfiguration : IEntityTypeConfiguration<BlogMedia>
{
    public void Configure(EntityTypeBuilder<BlogMedia> b)
    {
        b.ToTable("blog_media");
        b.HasKey(x => x.Id);
        b.Property(x => x.BlobKey).HasMaxLength(128);
        b.Property(x => x.ContentType).HasMaxLength(127);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.HasIndex(x => x.BlogId).HasDatabaseName("ix_blog_media_blog");
        b.HasOne<BlogBlog>().WithMany().HasForeignKey(x => x.BlogId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlogPostMediaConfiguration : IEntityTypeConfiguration<BlogPostMedia>
{
    public void Configure(EntityTypeBuilder<BlogPostMedia> b)
    {
        b.ToTable("blog_post_media");
        b.HasKey(x => new { x.PostId, x.MediaId });
        b.HasIndex(x => x.MediaId).HasDatabaseName("ix_blog_post_media_media");
        b.HasOne<BlogPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BlogMedia>().WithMany().HasForeignKey(x => x.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
