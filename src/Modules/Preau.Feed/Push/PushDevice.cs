using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Feed.Push;

/// <summary>
/// One device (one browser's push subscription) a person enabled notifications on: where its push
/// service listens, and the keys the payload is encrypted with for it.
/// </summary>
internal sealed class PushDevice
{
    public Guid Id { get; init; }
    public Guid UserId { get; set; }

    /// <summary>The push service's address for this device (https; given by the browser).</summary>
    public required string Endpoint { get; init; }

    /// <summary>The browser's P-256 public key, base64url.</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's authentication secret, base64url.</summary>
    public required string Auth { get; set; }

    /// <summary>A short name to recognise the device ("Firefox · Android"), never the whole user agent.</summary>
    public required string Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a notification last reached the push service for this device.</summary>
    public DateTimeOffset? LastSuccessAt { get; set; }
}

/// <summary>The platform's VAPID key pair when the configuration gives none: made once, shared by every node.</summary>
internal sealed class PushKeyPair
{
    public int Id { get; init; }
    public required string PublicKey { get; init; }
    public required string PrivateKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> b)
    {
        b.ToTable("fed_push_subscriptions");
        b.Property(x => x.Endpoint).HasMaxLength(PushEndpoints.MaxLength);
        b.Property(x => x.P256dh).HasMaxLength(128);
        b.Property(x => x.Auth).HasMaxLength(64);
        b.Property(x => x.Label).HasMaxLength(64);
        // A browser has one subscription: subscribing again (or as someone else) replaces it.
        b.HasIndex(x => x.Endpoint).IsUnique();
        // The sender joins a publication's recipients to their devices.
        b.HasIndex(x => x.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PushKeyPairConfiguration : IEntityTypeConfiguration<PushKeyPair>
{
    public void Configure(EntityTypeBuilder<PushKeyPair> b)
    {
        b.ToTable("fed_push_keys");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.PublicKey).HasMaxLength(128);
        b.Property(x => x.PrivateKey).HasMaxLength(128);
    }
}
