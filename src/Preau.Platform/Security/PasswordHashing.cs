using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Security;

/// <summary>
/// PBKDF2-HMAC-SHA512 with a per-password salt (ASP.NET Core's v3 format), at the iteration
/// count OWASP recommends for SHA-512. The format is versioned, so hashes can be upgraded on login.
/// </summary>
public sealed class PasswordHashing
{
    public const int Iterations = 210_000;

    private readonly PasswordHasher<User> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // A hash of nothing in particular, checked when the login is unknown so that an unknown
    // login takes as long to refuse as a wrong password.
    private readonly Lazy<string> _decoy;

    public PasswordHashing() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string? hash, string password)
    {
        if (hash is null)
        {
            _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
            return PasswordCheck.Wrong;
        }

        return _hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };
    }
}

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
