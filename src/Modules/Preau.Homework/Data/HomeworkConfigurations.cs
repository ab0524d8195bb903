using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Homework.Domain;

namespace Preau.Homework.Data;

internal sealed class HwBookConfiguration : IEntityTypeConfiguration<HwBook>
{
    public void Configure(EntityTypeBuilder<HwBook> b)
    {
        b.ToTable("hw_books");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(HwBook.SubjectMax);
        // One book per audience and subject.
        b.HasIndex(x => new { x.AudienceGroupId, x.Subject }).IsUnique().HasDatabaseName("ux_hw_books_audience_subject");
        // The direction's list of a school's books.
        b.HasIndex(x => x.StructureId).HasDatabaseName("ix_hw_books_structure");
        b.HasIndex(x => x.ClassId).HasDatabaseName("ix_hw_books_class");
    }
}

internal sealed class HwSessionConfiguration : IEntityTypeConfiguration<HwSession>
{
    public void Configure(EntityTypeBuilder<HwSession> b)
    {
        b.ToTable("hw_sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(HwSession.TitleMax);
        // A book's week or list.
        b.HasIndex(x => new { x.BookId, x.Date }).HasDatabaseName("ix_hw_sessions_book_date");
        b.HasOne<HwBook>().WithMany().HasForeignKey(x => x.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HwHomeworkConfiguration : IEntityTypeConfiguration<HwHomework>
{
    public void Configure(EntityTypeBuilder<HwHomework> b)
    {
        b.ToTable("hw_homework");
        b.HasKey(x => x.Id);
        b.Property(x => x.Summary).HasMaxLength(300);
        // "À faire": a pupil's groups, from a due date on.
        b.HasIndex(x => new { x.AudienceGroupId, x.DueOn }).HasDatabaseName("ix_hw_homework_audience_due");
        // A book's week or list.
        b.HasIndex(x => new { x.BookId, x.DueOn }).HasDatabaseName("ix_hw_homework_book_due");
        b.HasIndex(x => x.RecurrenceId).HasFilter("recurrence_id IS NOT NULL").HasDatabaseName("ix_hw_homework_recurrence");
        b.HasOne<HwBook>().WithMany().HasForeignKey(x => x.BookId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HwSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HwTargetConfiguration : IEntityTypeConfiguration<HwTarget>
{
    public void Configure(EntityTypeBuilder<HwTarget> b)
    {
        b.ToTable("hw_targets");
        b.HasKey(x => new { x.HomeworkId, x.PupilId });
        b.HasOne<HwHomework>().WithMany().HasForeignKey(x => x.HomeworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HwDoneConfiguration : IEntityTypeConfiguration<HwDone>
{
    public void Configure(EntityTypeBuilder<HwDone> b)
    {
        b.ToTable("hw_done");
        b.HasKey(x => new { x.PupilId, x.HomeworkId });
        // The teacher's count per homework.
        b.HasIndex(x => x.HomeworkId).HasDatabaseName("ix_hw_done_homework");
        b.HasOne<HwHomework>().WithMany().HasForeignKey(x => x.HomeworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HwVisaConfiguration : IEntityTypeConfiguration<HwVisa>
{
    public void Configure(EntityTypeBuilder<HwVisa> b)
    {
        b.ToTable("hw_visas");
        b.HasKey(x => x.Id);
        b.Property(x => x.Comment).HasMaxLength(HwVisa.CommentMax);
        b.HasIndex(x => new { x.BookId, x.SignedAt }).HasDatabaseName("ix_hw_visas_book");
        b.HasOne<HwBook>().WithMany().HasForeignKey(x => x.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HwInspectorConfiguration : IEntityTypeConfiguration<HwInspector>
{
    public void Configure(EntityTypeBuilder<HwInspector> b)
    {
        b.ToTable("hw_inspectors");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UserId, x.StructureId }).IsUnique().HasDatabaseName("ux_hw_inspectors_user_structure");
    }
}

internal sealed class HwCalendarKeyConfiguration : IEntityTypeConfiguration<HwCalendarKey>
{
    public void Configure(EntityTypeBuilder<HwCalendarKey> b)
    {
        b.ToTable("hw_calendar_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.HasIndex(x => x.SecretHash).IsUnique().HasDatabaseName("ux_hw_calendar_keys_secret");
        b.HasIndex(x => new { x.Scope, x.SubjectId }).HasDatabaseName("ix_hw_calendar_keys_subject");
    }
}

internal sealed class HwAttachmentConfiguration : IEntityTypeConfiguration<HwAttachment>
{
    public void Configure(EntityTypeBuilder<HwAttachment> b)
    {
        b.ToTable("hw_attachments", t => t.HasCheckConstraint("ck_hw_attachments_one_entry", "(homework_id IS NULL) <> (session_id IS NULL)"));
        b.HasKey(x => x.Id);
        b.Ignore(x => x.EntryId);
        b.Property(x => x.BlobKey).HasMaxLength(128);
        b.Property(x => x.Name).HasMaxLength(HwAttachment.NameMax);
        b.Property(x => x.ContentType).HasMaxLength(HwAttachment.ContentTypeMax);
        // A list's attachments, by entry.
        b.HasIndex(x => x.HomeworkId).HasDatabaseName("ix_hw_attachments_homework");
        b.HasIndex(x => x.SessionId).HasDatabaseName("ix_hw_attachments_session");
        // Restrict, not cascade: each row holds a blob reference that only the use case gives back
        // (HomeworkAttachments.ReleaseAsync), so an entry deleted without it fails instead of leaking.
        b.HasOne<HwHomework>().WithMany().HasForeignKey(x => x.HomeworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<HwSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
