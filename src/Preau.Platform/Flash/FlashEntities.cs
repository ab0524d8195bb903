using Preau.Platform.Kernel;

namespace Preau.Platform.Flash;

/// <summary>How loud a flash message is: information (role=status), important, urgent (role=alert).</summary>
public enum FlashLevel
{
    Information = 0,
    Important = 1,
    Urgent = 2,
}

/// <summary>
/// A dated banner an administrator posts to chosen profiles of chosen structures ("ENT en
/// maintenance mercredi 18h"): shown at the top of every page of the people it targets between
/// its start and its end, until each of them dismisses it.
/// </summary>
public sealed class FlashMessage
{
    public Guid Id { get; init; }
    public required string TitleFr { get; set; }
    public required string TextFr { get; set; }
    public string? TitleEn { get; set; }
    public string? TextEn { get; set; }
    public FlashLevel Level { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The profiles it targets, one bit per profile (<see cref="FlashProfiles"/>).</summary>
    public int Profiles { get; set; }

    /// <summary>Every structure, present and future (the SuperAdmin's); else the rows of <see cref="FlashTarget"/>.</summary>
    public bool AllStructures { get; set; }

    public Guid? AuthorId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A structure a flash message targets.</summary>
public sealed class FlashTarget
{
    public Guid MessageId { get; init; }
    public Guid StructureId { get; init; }
}

/// <summary>A person closed a flash message: it no longer shows to them.</summary>
public sealed class FlashDismissal
{
    public Guid MessageId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>Profiles as the bits of <see cref="FlashMessage.Profiles"/>.</summary>
public static class FlashProfiles
{
    public static int Of(IEnumerable<Profile> profiles) => profiles.Aggregate(0, (bits, p) => bits | Bit(p));

    public static IReadOnlyList<Profile> From(int bits) => [.. Enum.GetValues<Profile>().Where(p => (bits & Bit(p)) != 0)];

    public static bool Includes(int bits, Profile profile) => (bits & Bit(profile)) != 0;

    private static int Bit(Profile profile) => 1 << (int)profile;
}
