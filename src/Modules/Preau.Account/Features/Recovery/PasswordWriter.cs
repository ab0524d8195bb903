using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>Sets a new password: hashes it, changes the security stamp and ends the person's other sessions.</summary>
public sealed class PasswordWriter(PreauDbContext db, PasswordHashing passwords, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The names of the policy's rules, as keys of SecurityStrings.</summary>
    public static string RuleKey(PasswordPolicy.Rule rule) => rule switch
    {
        PasswordPolicy.Rule.TooShort => "Password.TooShort",
        PasswordPolicy.Rule.TooLong => "Password.TooLong",
        PasswordPolicy.Rule.ContainsLogin => "Password.ContainsLogin",
        PasswordPolicy.Rule.Common => "Password.Common",
        _ => "Password.Confirmation",
    };

    public static IReadOnlyList<PasswordPolicy.Rule> Check(User user, string? password, string? confirmation) =>
        PasswordPolicy.Check(password, confirmation ?? string.Empty, user.Login, user.FirstName, user.LastName);

    /// <summary>Writes the new password (the caller saves); returns the sessions to end after saving.</summary>
    public void Set(User user, string password)
    {
        user.PasswordHash = passwords.Hash(password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>Ends every session of the person but <paramref name="keep"/>, on the server and in this node's cache.</summary>
    public async Task EndOtherSessionsAsync(Guid userId, Guid? keep, CancellationToken ct)
    {
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        foreach (var id in ids)
        {
            cache.Remove("session:" + id);
        }
    }
}
