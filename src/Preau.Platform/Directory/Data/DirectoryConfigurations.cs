using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Directory.Data;

// Directory tables carry the "dir_" prefix: SQLite has no schemas, and the prefix keeps
// each module's tables recognisable in one database.
internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.ToTable("dir_structures");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Uai).HasMaxLength(8);
        b.Property(s => s.Charter).HasMaxLength(20_000);
        b.HasIndex(s => s.Uai).IsUnique();
    }
}

internal sealed class SchoolClassConfiguration : IEntityTypeConfiguration<SchoolClass>
{
    public void Configure(EntityTypeBuilder<SchoolClass> b)
    {
        b.ToTable("dir_classes");
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.StructureId, c.SchoolYear, c.Name }).IsUnique();
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("dir_groups");
        b.Property(g => g.Name).HasMaxLength(200);
        b.HasOne<Structure>().WithMany().HasForeignKey(g => g.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolClass>().WithMany().HasForeignKey(g => g.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.StructureId, g.ClassId, g.Profile });
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.ToTable("dir_group_members");
        b.HasKey(m => new { m.UserId, m.GroupId });
        b.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.GroupId);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("dir_users");
        b.Property(u => u.Login).HasMaxLength(120);
        b.HasIndex(u => u.Login).IsUnique();
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Email).HasMaxLength(254);
        b.HasIndex(u => u.Email);
        b.Property(u => u.Phone).HasMaxLength(32);
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.Property(u => u.SecurityStamp).HasMaxLength(64);
        b.Property(u => u.Language).HasMaxLength(8);
        b.Property(u => u.ExternalId).HasMaxLength(80);
        b.HasIndex(u => u.ExternalId).IsUnique();
        b.HasIndex(u => new { u.LastName, u.FirstName, u.BirthDate });
        b.HasIndex(u => u.DetachedAt);
        b.Property(u => u.ActivationCodeHash).HasMaxLength(64);
        b.Ignore(u => u.CanSignIn);
    }
}

internal sealed class ParentLinkConfiguration : IEntityTypeConfiguration<ParentLink>
{
    public void Configure(EntityTypeBuilder<ParentLink> b)
    {
        b.ToTable("dir_parent_links");
        b.HasKey(l => new { l.RelativeId, l.StudentId });
        b.HasOne<User>().WithMany().HasForeignKey(l => l.RelativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.StudentId);
    }
}

internal sealed class FunctionGrantConfiguration : IEntityTypeConfiguration<FunctionGrant>
{
    public void Configure(EntityTypeBuilder<FunctionGrant> b)
    {
        b.ToTable("dir_function_grants");
        b.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Structure>().WithMany().HasForeignKey(f => f.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolClass>().WithMany().HasForeignKey(f => f.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.UserId, f.Function, f.StructureId, f.ClassId }).IsUnique();
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("dir_user_sessions");
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(400);
    }
}

internal sealed class BlockedProfileConfiguration : IEntityTypeConfiguration<BlockedProfile>
{
    public void Configure(EntityTypeBuilder<BlockedProfile> b)
    {
        b.ToTable("dir_blocked_profiles");
        b.HasKey(x => new { x.StructureId, x.Profile });
    }
}
