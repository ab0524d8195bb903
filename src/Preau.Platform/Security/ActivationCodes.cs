using Microsoft.Extensions.Options;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Security;

/// <summary>Bound from "Security:Activation".</summary>
public sealed class ActivationOptions
{
    /// <summary>How long a printed activation code stays valid.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromDays(90);
}

/// <summary>
/// One-time activation codes: eight characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L), printed as two groups of four. Only a keyed hash is stored (HMAC-SHA256 with the
/// platform's code key, fast enough to issue codes for a whole city's import), so a stolen
/// database does not give them away. Issuing a code replaces the previous one.
/// </summary>
public sealed class ActivationCodes(Codes codes, TimeProvider clock, IOptions<ActivationOptions> options)
{
    public const int Length = 8;

    private const string Purpose = "activation";

    /// <summary>Gives the person a fresh code, valid for the configured lifetime, and returns it for printing.</summary>
    public string Issue(User user)
    {
        var code = Codes.NewCode(Length);
        user.ActivationCodeHash = codes.Hash(Purpose, code);
        user.ActivationCodeExpiresAt = clock.GetUtcNow() + options.Value.CodeLifetime;
        return Format(code);
    }

    /// <summary>Whether the typed text is the person's current, unexpired code; spaces, dashes and case do not matter.</summary>
    public bool Matches(User user, string? typed)
    {
        if (user.ActivationCodeHash is null || user.ActivationCodeExpiresAt is null || typed is null)
        {
            return false;
        }

        var normalized = Codes.Normalize(typed);
        return normalized.Length == Length
            && Codes.Same(user.ActivationCodeHash, codes.Hash(Purpose, normalized))
            && user.ActivationCodeExpiresAt > clock.GetUtcNow();
    }

    /// <summary>Whether the typed text has the shape of an activation code (to route a login attempt to activation).</summary>
    public static bool LooksLikeCode(string? typed)
    {
        if (typed is null)
        {
            return false;
        }

        var normalized = Codes.Normalize(typed);
        return normalized.Length == Length && normalized.All(c => Codes.Alphabet.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Uses up the code: it cannot serve twice.</summary>
    public static void Consume(User user)
    {
        user.ActivationCodeHash = null;
        user.ActivationCodeExpiresAt = null;
    }

    /// <summary>"K7PMX2QD" → "K7PM-X2QD".</summary>
    public static string Format(string code) => Codes.Format(code);
}
