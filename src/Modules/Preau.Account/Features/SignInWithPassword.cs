using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Account.Security;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>Signs a person in with their login (or email) and password.</summary>
public sealed partial class SignInWithPassword(
    PreauDbContext db, PasswordHashing passwords, LoginThrottle throttle, Sessions sessions, TimeProvider clock, ILogger<SignInWithPassword> logger,
    ActivationCodes codes, SecondFactorGate secondFactor)
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

        /// <summary>The person typed the activation code of their sheet as the password: activation takes over.</summary>
        public sealed record ActivationCode(string Login, string Code) : Result;

        /// <summary>Right password; the person must now give their second factor (no session yet).</summary>
        public sealed record MfaRequired(User User) : Result;

        /// <summary>Right password of an administrator without MFA: they must enrol before anything else (no session yet).</summary>
        public sealed record MfaEnrolmentRequired(User User) : Result;
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
            LogHeld(logger, login, address, until);
            return new Result.Held(until - clock.GetUtcNow());
        }

        var user = await FindAsync(login, ct);
        var check = passwords.Verify(user?.PasswordHash, request.Password);
        if (user is null || check == PasswordCheck.Wrong)
        {
            if (user is { State: AccountState.PendingActivation, DetachedAt: null } && ActivationCodes.LooksLikeCode(request.Password) && codes.Matches(user, request.Password))
            {
                await throttle.ResetAsync(login, ct);
                return new Result.ActivationCode(user.Login, request.Password);
            }

            await throttle.RecordFailureAsync(login, address, ct);
            LogRefused(logger, login, address, user is not null);
            return new Result.Refused();
        }

        await throttle.ResetAsync(login, ct);
        switch (user.State)
        {
            case AccountState.PendingActivation:
                LogNotActive(logger, user.Id, user.State, address);
                return new Result.NotActivated();
            case AccountState.Blocked:
                LogNotActive(logger, user.Id, user.State, address);
                return new Result.Blocked();
        }

        // Detached by an import, or every school of the person blocks their profile.
        if (!await SignInGate.AdmitsAsync(db, user.Id, ct))
        {
            LogNotActive(logger, user.Id, user.State, address);
            return new Result.Blocked();
        }

        if (check == PasswordCheck.RightButRehash)
        {
            user.PasswordHash = passwords.Hash(request.Password);
        }

        // The second factor: asked of those who have it (unless this browser is trusted), and
        // of administrators, who enrol first. No session is opened until it is given.
        if (await secondFactor.StepAsync(user, http, ct) is { } step)
        {
            await db.SaveChangesAsync(ct);
            return step;
        }

        var principal = await sessions.StartAsync(user, request.Remember, http, ct);
        LogSignedIn(logger, user.Id, address, request.Remember);
        return new Result.Success(principal, user);
    }

    // Security events, as structured log entries: who (or which login was tried), from where.
    // Passwords never appear; whether a refused login exists is logged for operators only.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Sign-in of user {UserId} from {Address} (remember: {Remember})")]
    private static partial void LogSignedIn(ILogger logger, Guid userId, string? address, bool remember);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in refused for login {Login} from {Address} (account exists: {Exists})")]
    private static partial void LogRefused(ILogger logger, string login, string? address, bool exists);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Sign-in held for login {Login} from {Address} until {Until}")]
    private static partial void LogHeld(ILogger logger, string login, string? address, DateTimeOffset until);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sign-in of user {UserId} refused: account {State}, from {Address}")]
    private static partial void LogNotActive(ILogger logger, Guid userId, AccountState state, string? address);

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
