using Preau.Platform.Kernel;

namespace Preau.Platform.Directory.Domain;

public enum AccountState
{
    /// <summary>Created or imported; waits for its owner to activate it with a code.</summary>
    PendingActivation = 1,
    Active = 2,

    /// <summary>Blocked by an administrator: cannot sign in, is never visible.</summary>
    Blocked = 3,
}

public sealed class User
{
    public Guid Id { get; init; }

    /// <summary>Unique, lower-case, <c>prenom.nom</c> with a number on collision.</summary>
    public required string Login { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string DisplayName { get; set; }
    public Profile Profile { get; init; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public AccountState State { get; set; }
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials change, so that old sessions can be told apart.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>
    /// The stable id the school's export gives this person (INE, export id…), prefixed by its
    /// source; an import matches on it first, then on name and birth date.
    /// </summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// Set when a newer import no longer lists the person: they are out of every group, cannot
    /// sign in, and are deleted for good once the grace period is over unless restored.
    /// </summary>
    public DateTimeOffset? DetachedAt { get; set; }

    /// <summary>Keyed hash of the one-time activation code; null once activated or never issued.</summary>
    public string? ActivationCodeHash { get; set; }

    public DateTimeOffset? ActivationCodeExpiresAt { get; set; }

    /// <summary>When the person accepted their school's charter (at activation).</summary>
    public DateTimeOffset? CharterAcceptedAt { get; set; }

    /// <summary>"fr" or "en"; null follows the browser, then French.</summary>
    public string? Language { get; set; }

    public ColorScheme ColorScheme { get; set; }
    public bool HighContrast { get; set; }
    public bool DyslexiaFont { get; set; }

    public bool CanSignIn => State == AccountState.Active && PasswordHash is not null && DetachedAt is null;
}

public sealed class ParentLink
{
    public Guid RelativeId { get; init; }
    public Guid StudentId { get; init; }
}

public sealed class FunctionGrant
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public Function Function { get; init; }

    /// <summary>The structure a LocalAdmin administers.</summary>
    public Guid? StructureId { get; init; }

    /// <summary>The class a ClassAdmin manages.</summary>
    public Guid? ClassId { get; init; }
}
