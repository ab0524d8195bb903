using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Messaging.Domain;
using Preau.Platform.Directory.Domain;

namespace Preau.Messaging.Data;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public const int SubjectMaxLength = 200;
    public const int PreviewMaxLength = 160;

    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("msg_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.SenderName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(SubjectMaxLength);
        b.Property(m => m.Preview).HasMaxLength(PreviewMaxLength);
        b.Property(m => m.FailureKey).HasMaxLength(64);
        b.HasIndex(m => m.ThreadId);
        // The rate limit and the mass-send watch count a sender's recent sends on this index.
        b.HasIndex(m => new { m.SenderId, m.SentAt });
    }
}

internal sealed class MessageAddressConfiguration : IEntityTypeConfiguration<MessageAddress>
{
    public void Configure(EntityTypeBuilder<MessageAddress> b)
    {
        b.ToTable("msg_addresses");
        b.HasKey(a => new { a.MessageId, a.Position });
        b.Property(a => a.Name).HasMaxLength(200);
        b.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> b)
    {
        b.ToTable("msg_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(127);
        b.Property(a => a.BlobKey).HasMaxLength(128);
        b.HasIndex(a => a.MessageId);
        b.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailboxEntryConfiguration : IEntityTypeConfiguration<MailboxEntry>
{
    public void Configure(EntityTypeBuilder<MailboxEntry> b)
    {
        b.ToTable("msg_mailbox");
        b.HasKey(e => new { e.UserId, e.MessageId });
        // A folder's page is one range of this index, newest first, whatever the size of the box.
        b.HasIndex(e => new { e.UserId, e.FolderId, e.Date, e.MessageId }).HasDatabaseName("ix_msg_mailbox_folder");
        // Unread counts read only the unread entries: a box of 20,000 read messages costs nothing.
        b.HasIndex(e => new { e.UserId, e.FolderId }).HasDatabaseName("ix_msg_mailbox_unread").HasFilter("unread");
        b.HasIndex(e => e.MessageId);
        b.HasOne<Message>().WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailFolderConfiguration : IEntityTypeConfiguration<MailFolder>
{
    public void Configure(EntityTypeBuilder<MailFolder> b)
    {
        b.ToTable("msg_folders");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(MailFolder.NameMaxLength);
        b.HasIndex(f => new { f.UserId, f.ParentId });
        b.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessagingPolicyConfiguration : IEntityTypeConfiguration<MessagingPolicy>
{
    public void Configure(EntityTypeBuilder<MessagingPolicy> b)
    {
        b.ToTable("msg_policies");
        b.HasKey(p => new { p.StructureId, p.Profile });
        b.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageReportConfiguration : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> b)
    {
        b.ToTable("msg_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.HasIndex(r => new { r.StructureId, r.Decision });
        b.HasIndex(r => new { r.MessageId, r.ReporterId }).IsUnique();
        b.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MassSendAlertConfiguration : IEntityTypeConfiguration<MassSendAlert>
{
    public void Configure(EntityTypeBuilder<MassSendAlert> b)
    {
        b.ToTable("msg_alerts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.StructureId, a.AcknowledgedAt });
        b.HasIndex(a => new { a.SenderId, a.CreatedAt });
    }
}
