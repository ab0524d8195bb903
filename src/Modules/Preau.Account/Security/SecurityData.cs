using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Account.Security;

/// <summary>A person's authenticator (TOTP) secret: encrypted with ASP.NET data protection, never stored in clear.</summary>
internal sealed class MfaSecret
{
    public Guid UserId { get; init; }
    public required string ProtectedSecret { get; set; }
    public DateTimeOffset EnabledAt { get; set; }

    /// <summary>The last 30-second step a code was accepted for: an older or equal step is a replay.</summary>
    public long LastUsedStep { get; set; }
}

/// <summary>One single-use recovery code, kept as a keyed hash.</summary>
internal sealed class MfaRecoveryCode
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string CodeHash { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A browser the person chose to trust for 30 days: the cookie holds a random token, the table its hash.</summary>
internal sealed class TrustedDevice
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset LastUsedAt { get; set; }
    public string? UserAgent { get; init; }
    public string? IpAddress { get; init; }
}

/// <summary>A password-reset request: a code and a link token, both as keyed hashes, single-use, short-lived.</summary>
internal sealed class ResetToken
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string CodeHash { get; init; }
    public required string LinkHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class MfaSecretConfiguration : IEntityTypeConfiguration<MfaSecret>
{
    public void Configure(EntityTypeBuilder<MfaSecret> b)
    {
        b.ToTable("acc_mfa");
        b.HasKey(m => m.UserId);
        b.HasOne<User>().WithOne().HasForeignKey<MfaSecret>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.ProtectedSecret).HasMaxLength(1000);
    }
}

internal sealed class MfaRecoveryCodeConfiguration : IEntityTypeConfiguration<MfaRecoveryCode>
{
    public void Configure(EntityTypeBuilder<MfaRecoveryCode> b)
    {
        b.ToTable("acc_mfa_recovery_codes");
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.UserId);
        b.Property(c => c.CodeHash).HasMaxLength(64);
    }
}

internal sealed class TrustedDeviceConfiguration : IEntityTypeConfiguration<TrustedDevice>
{
    public void Configure(EntityTypeBuilder<TrustedDevice> b)
    {
        b.ToTable("acc_trusted_devices");
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.TokenHash).IsUnique();
        b.HasIndex(d => d.UserId);
        b.Property(d => d.TokenHash).HasMaxLength(64);
        b.Property(d => d.UserAgent).HasMaxLength(400);
        b.Property(d => d.IpAddress).HasMaxLength(64);
    }
}

internal sealed class ResetTokenConfiguration : IEntityTypeConfiguration<ResetToken>
{
    public void Configure(EntityTypeBuilder<ResetToken> b)
    {
        b.ToTable("acc_reset_tokens");
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.UserId);
        b.HasIndex(t => t.LinkHash).IsUnique();
        b.Property(t => t.CodeHash).HasMaxLength(64);
        b.Property(t => t.LinkHash).HasMaxLength(64);
    }
}
