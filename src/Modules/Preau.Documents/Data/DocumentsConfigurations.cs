using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Documents.Domain;

namespace Preau.Documents.Data;

internal sealed class DocFolderConfiguration : IEntityTypeConfiguration<DocFolder>
{
    public void Configure(EntityTypeBuilder<DocFolder> b)
    {
        b.ToTable("doc_folders");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(DocumentNames.MaxStoredLength);
        b.Property(f => f.SortName).HasMaxLength(DocumentNames.MaxStoredLength);
        // A folder's subfolders in name order; one name once among the folders in place.
        b.HasIndex(f => new { f.OwnerId, f.ParentId, f.Name }).IsUnique().HasFilter("trashed_at IS NULL").HasDatabaseName("ux_doc_folders_name");
        b.HasIndex(f => new { f.OwnerId, f.TrashedAt }).HasDatabaseName("ix_doc_folders_owner");
    }
}

internal sealed class DocDocumentConfiguration : IEntityTypeConfiguration<DocDocument>
{
    public void Configure(EntityTypeBuilder<DocDocument> b)
    {
        b.ToTable("doc_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Name).HasMaxLength(DocumentNames.MaxStoredLength);
        b.Property(d => d.SortName).HasMaxLength(DocumentNames.MaxStoredLength);
        b.Property(d => d.ContentType).HasMaxLength(127);
        b.Property(d => d.ThumbnailKey).HasMaxLength(128);
        // A folder's page, sorted by name, date or size either way, is one range of one of these
        // indexes (documents in place only), read forwards or backwards, then LIMIT.
        b.HasIndex(d => new { d.OwnerId, d.FolderId, d.SortName, d.Id }).HasFilter("trashed_at IS NULL").HasDatabaseName("ix_doc_documents_by_name");
        b.HasIndex(d => new { d.OwnerId, d.FolderId, d.UpdatedAt, d.Id }).HasFilter("trashed_at IS NULL").HasDatabaseName("ix_doc_documents_by_date");
        b.HasIndex(d => new { d.OwnerId, d.FolderId, d.Length, d.Id }).HasFilter("trashed_at IS NULL").HasDatabaseName("ix_doc_documents_by_size");
        b.HasIndex(d => new { d.OwnerId, d.FolderId, d.Name }).IsUnique().HasFilter("trashed_at IS NULL").HasDatabaseName("ux_doc_documents_name");
        // The trash, newest first.
        b.HasIndex(d => new { d.OwnerId, d.TrashedAt }).HasFilter("trashed_at IS NOT NULL").HasDatabaseName("ix_doc_documents_trash");
    }
}

internal sealed class DocVersionConfiguration : IEntityTypeConfiguration<DocVersion>
{
    public void Configure(EntityTypeBuilder<DocVersion> b)
    {
        b.ToTable("doc_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.BlobKey).HasMaxLength(128);
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.ContentType).HasMaxLength(127);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.HasOne<DocDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
