using Microsoft.EntityFrameworkCore;
using Preau.Account.Security;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features.SecondFactor;

/// <summary>
/// An administrator turns off a person's MFA (lost phone and recovery codes): the SuperAdmin for
/// anyone, a LocalAdmin for the people of their structures; anyone else, or anyone outside the
/// admin's scope, gets "not found". The person enrols again at their next sign-in if they must.
/// </summary>
public sealed class ResetMfaByAdmin(PreauDbContext db, CurrentUser currentUser, LoadUserContext loader, Mfa mfa)
{
    public enum Result
    {
        Done,
        NotFound,
    }

    public async Task<Result> HandleAsync(Guid userId, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        var target = actor is null ? null : await loader.LoadAsync(userId, ct);
        if (actor is null || target is null
            || !(actor.IsSuperAdmin || target.Structures.Any(s => actor.IsLocalAdminOf(s.Id)))
            || (target.IsSuperAdmin && !actor.IsSuperAdmin))
        {
            // As everywhere in the console, a LocalAdmin never reaches the platform's own administrators.
            return Result.NotFound;
        }

        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        await mfa.DisableAsync(user, "mfa.reset-by-admin", target.Structures.FirstOrDefault(s => actor.IsLocalAdminOf(s.Id))?.Id, ct);
        return Result.Done;
    }
}
