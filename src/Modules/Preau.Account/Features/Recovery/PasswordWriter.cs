using Preau.Platform.Directory.Domain;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>Sets a new password: hashes it, changes the security stamp and ends the person's other sessions.</summary>
public sealed class PasswordWriter(PasswordHashing passwords, Sessions sessions)
{
    public static IReadOnlyList<PasswordPolicy.Rule> Check(User user, string? password, string? confirmation) =>
        PasswordPolicy.Check(password, confirmation ?? string.Empty, user.Login, user.FirstName, user.LastName);

    /// <summary>Writes the new password and a new security stamp (the caller saves).</summary>
    public void Set(User user, string password)
    {
        user.PasswordHash = passwords.Hash(password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>Ends every session of the person but <paramref name="keep"/> (after the caller saved).</summary>
    public Task EndOtherSessionsAsync(Guid userId, Guid? keep, CancellationToken ct) => sessions.EndAllAsync(userId, keep, ct);
}
