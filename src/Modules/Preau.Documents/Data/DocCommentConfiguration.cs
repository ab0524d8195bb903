using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Documents.Domain;

namespace Preau.Documents.Data;

internal sealed class DocCommentConfiguration : IEntityTypeConfiguration<DocComment>
{
    public void Configure(EntityTypeBuilder<DocComment> b)
    {
        b.ToTable("doc_comments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Body).HasMaxLength(DocComment.MaxLength);
        // A document's comments, oldest first.
        b.HasIndex(c => new { c.DocumentId, c.CreatedAt }).HasDatabaseName("ix_doc_comments_document");
        b.HasOne<DocDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
