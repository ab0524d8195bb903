using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// "Login forgotten": mails the logins of the active accounts that use an address. The answer is
/// the same whether any does; only the throttle (which counts every request) may hold it.
/// </summary>
public sealed partial class RequestLoginReminder(PreauDbContext db, AccountMails mails, RequestThrottles throttles, TimeProvider clock, ILogger<RequestLoginReminder> logger)
{

    public abstract record Result
    {
        /// <summary>"If an account uses this address, a message is on its way."</summary>
        public sealed record Sent : Result;

        public sealed record Invalid : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;
    }

    public async Task<Result> HandleAsync(string? email, HttpContext http, CancellationToken ct)
    {
        var address = (email ?? string.Empty).Trim().ToLowerInvariant();
        if (address.Length is < 3 or > 254 || !address.Contains('@', StringComparison.Ordinal))
        {
            return new Result.Invalid();
        }

        var key = "forgot-login:" + address;
        var client = RequestThrottles.Address(http, "forgot");
        if (await throttles.Messages.HeldUntilAsync(key, client, ct) is { } until)
        {
            return new Result.Held(until - clock.GetUtcNow());
        }

        await throttles.Messages.RecordFailureAsync(key, client, ct);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Email == address && u.State == AccountState.Active && u.DetachedAt == null && u.PasswordHash != null)
            .OrderBy(u => u.Login).Take(10).ToListAsync(ct);
        if (accounts.Count > 0)
        {
            await mails.LoginReminderAsync(address, accounts, http, ct);
        }

        var from = http.Connection.RemoteIpAddress?.ToString();
        LogRequested(logger, accounts.Count, from);
        return new Result.Sent();
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Login reminder asked from {Address}: {Count} account(s) mailed")]
    private static partial void LogRequested(ILogger logger, int count, string? address);
}
