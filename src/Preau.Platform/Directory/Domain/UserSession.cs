namespace Preau.Platform.Directory.Domain;

/// <summary>
/// One signed-in browser or device. The cookie carries only its id, so that a session can be
/// listed and revoked, and a password change can end every other session.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public bool Persistent { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
