using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>
/// Activates an account with the login and one-time code of its connection sheet: a password
/// that follows the policy, optional contact details, the school's charter accepted. Wrong codes
/// count as failed sign-ins (same throttle, per login and per address), and every refusal says
/// the same thing whether the login exists, the code expired or it was already used.
/// </summary>
public sealed partial class ActivateAccount(
    PreauDbContext db, ActivationCodes codes, PasswordHashing passwords, LoginThrottle throttle, Sessions sessions,
    AuditLog audit, TimeProvider clock, ILogger<ActivateAccount> logger)
{
    /// <summary>The account a valid code opens, with the charters of its schools (null text: the platform's default).</summary>
    public sealed record PendingAccount(Guid UserId, string Login, string FirstName, string DisplayName, Profile Profile,
        string? Email, string? Phone, IReadOnlyList<SchoolCharter> Charters);

    public sealed record SchoolCharter(Guid StructureId, string SchoolName, string? Text);

    public abstract record CheckResult
    {
        public sealed record Valid(PendingAccount Account) : CheckResult;

        /// <summary>Unknown login, wrong, expired or used code, account not waiting for activation.</summary>
        public sealed record Refused : CheckResult;

        public sealed record Held(TimeSpan RetryAfter) : CheckResult;
    }

    public sealed record Request(string Login, string Code, string? Password, string? Confirmation, string? Email, string? Phone, bool AcceptCharter, bool Remember = false);

    public abstract record Result
    {
        public sealed record Success(ClaimsPrincipal Principal, User User) : Result;

        public sealed record Refused : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;

        /// <summary>The code is right but the form is not: the person corrects it and tries again.</summary>
        public sealed record Invalid(PendingAccount Account, IReadOnlyList<PasswordPolicy.Rule> PasswordRules, bool BadEmail, bool BadPhone, bool CharterNotAccepted) : Result;
    }

    public async Task<CheckResult> CheckAsync(string? login, string? code, HttpContext http, CancellationToken ct)
    {
        var (user, refusal) = await FindAsync(login, code, http, ct);
        return refusal ?? new CheckResult.Valid(await DescribeAsync(user!, ct));
    }

    public async Task<Result> HandleAsync(Request request, HttpContext http, CancellationToken ct)
    {
        var (user, refusal) = await FindAsync(request.Login, request.Code, http, ct);
        switch (refusal)
        {
            case CheckResult.Held held:
                return new Result.Held(held.RetryAfter);
            case not null:
                return new Result.Refused();
        }

        var broken = PasswordPolicy.Check(request.Password, request.Confirmation, user!.Login, user.FirstName, user.LastName);
        var emailOk = ActivateContactDetails.TryEmail(request.Email, out var email);
        var phoneOk = ActivateContactDetails.TryPhone(request.Phone, out var phone);
        if (broken.Count > 0 || !emailOk || !phoneOk || !request.AcceptCharter)
        {
            return new Result.Invalid(await DescribeAsync(user, ct), broken, !emailOk, !phoneOk, !request.AcceptCharter);
        }

        var now = clock.GetUtcNow();
        var claimedHash = user.ActivationCodeHash;
        user.PasswordHash = passwords.Hash(request.Password!);
        user.State = AccountState.Active;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.CharterAcceptedAt = now;
        user.Email = email ?? user.Email;
        user.Phone = phone ?? user.Phone;
        ActivationCodes.Consume(user);
        audit.Record("account.activate", user);

        // The code is claimed by a conditional update inside the transaction, so two submissions of
        // the same code (two tabs, a double click, an attacker racing the owner) activate once.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Users
                .Where(u => u.Id == user.Id && u.ActivationCodeHash == claimedHash && u.State == AccountState.PendingActivation)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ActivationCodeHash, (string?)null), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new Result.Refused();
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await throttle.ResetAsync(user.Login, ct);
        if (http.User.GetSessionId() is { } previous)
        {
            // Someone signed in on this browser (a parent activating a child's account): their session ends here.
            await sessions.EndAsync(previous, ct);
        }

        var principal = await sessions.StartAsync(user, request.Remember, http, ct);
        var address = http.Connection.RemoteIpAddress?.ToString();
        LogActivated(logger, user.Id, address);
        return new Result.Success(principal, user);
    }

    private async Task<(User? User, CheckResult? Refusal)> FindAsync(string? typedLogin, string? code, HttpContext http, CancellationToken ct)
    {
        var login = (typedLogin ?? string.Empty).Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (login.Length == 0 || login.Length > 254 || string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return (null, new CheckResult.Refused());
        }

        if (await throttle.HeldUntilAsync(login, address, ct) is { } until)
        {
            LogHeld(logger, login, address, until);
            return (null, new CheckResult.Held(until - clock.GetUtcNow()));
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Login == login, ct);
        if (user is null || user.State != AccountState.PendingActivation || user.DetachedAt is not null || !codes.Matches(user, code))
        {
            await throttle.RecordFailureAsync(login, address, ct);
            LogRefused(logger, login, address, user is not null);
            return (null, new CheckResult.Refused());
        }

        return (user, null);
    }

    private async Task<PendingAccount> DescribeAsync(User user, CancellationToken ct)
    {
        var structureIds = db.GroupMembers.Where(m => m.UserId == user.Id)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId);
        var charters = await db.Structures.AsNoTracking()
            .Where(s => structureIds.Contains(s.Id))
            .Select(s => new SchoolCharter(s.Id, s.Name, s.Charter))
            .ToListAsync(ct);
        return new PendingAccount(user.Id, user.Login, user.FirstName, user.DisplayName, user.Profile, user.Email, user.Phone,
            [.. charters.OrderBy(c => c.SchoolName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))]);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Account {UserId} activated from {Address}")]
    private static partial void LogActivated(ILogger logger, Guid userId, string? address);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Activation refused for login {Login} from {Address} (account exists: {Exists})")]
    private static partial void LogRefused(ILogger logger, string login, string? address, bool exists);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Activation held for login {Login} from {Address} until {Until}")]
    private static partial void LogHeld(ILogger logger, string login, string? address, DateTimeOffset until);
}
