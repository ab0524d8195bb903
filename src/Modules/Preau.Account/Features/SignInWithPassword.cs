using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>Signs a person in with their login (or email) and password.</summary>
public sealed class SignInWithPassword(PreauDbContext db, PasswordHashing passwords, LoginThrottle throttle, Sessions sessions, TimeProvider clock)
{
    public sealed record Request(string Login, string Password, bool Remember);

    public abstract record Result
    {
        public sealed record Success(ClaimsPrincipal Principal, User User) : Result;

        /// <summary>Wrong login or password: the answer never says which.</summary>
        public sealed record Refused : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;

        /// <summary>Right password, but the account waits for activation.</summary>
        public sealed record NotActivated : Result;

        /// <summary>Right password, but an administrator blocked the account.</summary>
        public sealed record Blocked : Result;
    }

    public async Task<Result> HandleAsync(Request request, HttpContext http, CancellationToken ct)
    {
        var login = request.Login.Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (login.Length == 0 || login.Length > 254 || request.Password.Length == 0 || request.Password.Length > 512)
        {
            return new Result.Refused();
        }

        if (await throttle.HeldUntilAsync(login, address, ct) is { } until)
        {
            return new Result.Held(until - clock.GetUtcNow());
        }

        var user = await FindAsync(login, ct);
        var check = passwords.Verify(user?.PasswordHash, request.Password);
        if (user is null || check == PasswordCheck.Wrong)
        {
            await throttle.RecordFailureAsync(login, address, ct);
            return new Result.Refused();
        }

        await throttle.ResetAsync(login, ct);
        switch (user.State)
        {
            case AccountState.PendingActivation:
                return new Result.NotActivated();
            case AccountState.Blocked:
                return new Result.Blocked();
        }

        if (check == PasswordCheck.RightButRehash)
        {
            user.PasswordHash = passwords.Hash(request.Password);
        }

        var principal = await sessions.StartAsync(user, request.Remember, http, ct);
        return new Result.Success(principal, user);
    }

    private async Task<User?> FindAsync(string login, CancellationToken ct)
    {
        if (!login.Contains('@', StringComparison.Ordinal))
        {
            return await db.Users.FirstOrDefaultAsync(u => u.Login == login, ct);
        }

        // An email may be shared (two parents, one address): it signs in only when it names one account.
        var matches = await db.Users.Where(u => u.Email == login).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }
}
