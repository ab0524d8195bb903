using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Account.Security;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// "Password forgotten": for an active account with an email address, mails a single-use code and
/// link valid 30 minutes (a new request voids the previous one). The answer is the same whether
/// the account exists, has no address, waits for activation or is blocked.
/// </summary>
public sealed partial class RequestPasswordReset(
    PreauDbContext db, AccountMails mails, RequestThrottles throttles, Codes codes, TimeProvider clock, ILogger<RequestPasswordReset> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    internal const string CodePurpose = "reset-code";
    internal const string LinkPurpose = "reset-link";
    internal const int CodeLength = 8;


    public abstract record Result
    {
        public sealed record Sent : Result;

        public sealed record Invalid : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;
    }

    public async Task<Result> HandleAsync(string? loginOrEmail, HttpContext http, CancellationToken ct)
    {
        var identifier = (loginOrEmail ?? string.Empty).Trim().ToLowerInvariant();
        if (identifier.Length is 0 or > 254)
        {
            return new Result.Invalid();
        }

        var key = "forgot-password:" + identifier;
        var client = RequestThrottles.Address(http, "forgot");
        if (await throttles.Messages.HeldUntilAsync(key, client, ct) is { } until)
        {
            return new Result.Held(until - clock.GetUtcNow());
        }

        await throttles.Messages.RecordFailureAsync(key, client, ct);
        var users = identifier.Contains('@', StringComparison.Ordinal)
            ? await db.Users.Where(u => u.Email == identifier).Take(5).ToListAsync(ct)
            : await db.Users.Where(u => u.Login == identifier).ToListAsync(ct);
        var sent = 0;
        foreach (var user in users.Where(u => u.CanSignIn && !string.IsNullOrEmpty(u.Email)))
        {
            var now = clock.GetUtcNow();
            await db.Set<ResetToken>().Where(t => t.UserId == user.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), ct);
            var code = Codes.NewCode(CodeLength);
            var link = Codes.NewToken();
            db.Set<ResetToken>().Add(new ResetToken
            {
                Id = Guid.CreateVersion7(now),
                UserId = user.Id,
                CodeHash = codes.Hash(CodePurpose, code),
                LinkHash = codes.Hash(LinkPurpose, link),
                CreatedAt = now,
                ExpiresAt = now + Lifetime,
            });
            await db.SaveChangesAsync(ct);
            await mails.PasswordResetAsync(user, Codes.Format(code), link, http, ct);
            sent++;
        }

        var from = http.Connection.RemoteIpAddress?.ToString();
        LogRequested(logger, sent, from);
        return new Result.Sent();
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Password reset asked from {Address}: {Count} message(s) sent")]
    private static partial void LogRequested(ILogger logger, int count, string? address);
}
