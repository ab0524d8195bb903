using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Account.Security;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// Sets a new password with the link or the code of a reset message: once, within 30 minutes,
/// for an account that may still sign in. Wrong codes are throttled per login and per address.
/// Every session of the person ends; the trail records password.reset-by-email.
/// </summary>
public sealed class ResetPassword(
    PreauDbContext db, Codes codes, RequestThrottles throttles, PasswordWriter writer, AuditLog audit, TimeProvider clock)
{
    /// <summary>Either <paramref name="Token"/> (the link) or <paramref name="Login"/> and <paramref name="Code"/>.</summary>
    public sealed record Request(string? Token, string? Login, string? Code, string? Password, string? Confirmation);

    public abstract record Result
    {
        public sealed record Done : Result;

        /// <summary>Unknown, used or expired: the same answer for each.</summary>
        public sealed record Invalid : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;

        public sealed record Weak(IReadOnlyList<PasswordPolicy.Rule> Rules) : Result;
    }

    /// <summary>Whether a link is still good (the page shows the form or says to ask again).</summary>
    public async Task<bool> IsLinkValidAsync(string? token, CancellationToken ct) =>
        await FindByLinkAsync(token, ct) is not null;

    public async Task<Result> HandleAsync(Request request, HttpContext http, CancellationToken ct)
    {
        (ResetToken Token, User User)? found;
        if (!string.IsNullOrEmpty(request.Token))
        {
            found = await FindByLinkAsync(request.Token, ct);
        }
        else
        {
            var login = (request.Login ?? string.Empty).Trim().ToLowerInvariant();
            if (login.Length is 0 or > 254)
            {
                return new Result.Invalid();
            }

            var key = "reset-code:" + login;
            var client = RequestThrottles.Address(http, "reset-code");
            if (await throttles.Codes.HeldUntilAsync(key, client, ct) is { } until)
            {
                return new Result.Held(until - clock.GetUtcNow());
            }

            found = await FindByCodeAsync(login, request.Code, ct);
            if (found is null)
            {
                await throttles.Codes.RecordFailureAsync(key, client, ct);
                return new Result.Invalid();
            }
        }

        if (found is not { } match)
        {
            return new Result.Invalid();
        }

        var broken = PasswordWriter.Check(match.User, request.Password, request.Confirmation);
        if (broken.Count > 0)
        {
            return new Result.Weak(broken);
        }

        match.Token.UsedAt = clock.GetUtcNow();
        writer.Set(match.User, request.Password!);
        audit.Record("password.reset-by-email", match.User);
        await db.SaveChangesAsync(ct);
        await writer.EndOtherSessionsAsync(match.User.Id, keep: null, ct);
        await throttles.Codes.ResetAsync("reset-code:" + match.User.Login, ct);
        return new Result.Done();
    }

    private async Task<(ResetToken, User)?> FindByLinkAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: > 20 and < 100 })
        {
            return null;
        }

        var hash = codes.Hash(RequestPasswordReset.LinkPurpose, token);
        var now = clock.GetUtcNow();
        var found = await db.Set<ResetToken>().Where(t => t.LinkHash == hash && t.UsedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        return found is not null && found.Token.ExpiresAt > now && found.User.CanSignIn ? (found.Token, found.User) : null;
    }

    private async Task<(ResetToken, User)?> FindByCodeAsync(string login, string? code, CancellationToken ct)
    {
        var normalized = Codes.Normalize(code);
        if (normalized.Length != RequestPasswordReset.CodeLength)
        {
            return null;
        }

        var hash = codes.Hash(RequestPasswordReset.CodePurpose, normalized);
        var users = login.Contains('@', StringComparison.Ordinal)
            ? db.Users.Where(u => u.Email == login)
            : db.Users.Where(u => u.Login == login);
        var now = clock.GetUtcNow();
        var found = await db.Set<ResetToken>().Where(t => t.CodeHash == hash && t.UsedAt == null)
            .Join(users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        return found is not null && found.Token.ExpiresAt > now && found.User.CanSignIn ? (found.Token, found.User) : null;
    }
}
