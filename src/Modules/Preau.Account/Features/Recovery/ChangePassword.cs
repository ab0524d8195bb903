using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Audit;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// The signed-in person changes their password: the current one first (wrong guesses count in the
/// sign-in throttle), then the new one twice against the policy. Their other sessions end; the
/// trail records password.change.
/// </summary>
public sealed class ChangePassword(
    PreauDbContext db, PasswordHashing passwords, LoginThrottle throttle, PasswordWriter writer, AuditLog audit, TimeProvider clock)
{
    public sealed record Request(string? Current, string? Password, string? Confirmation);

    public abstract record Result
    {
        public sealed record Done : Result;

        public sealed record WrongCurrent : Result;

        public sealed record Held(TimeSpan RetryAfter) : Result;

        public sealed record Weak(IReadOnlyList<PasswordPolicy.Rule> Rules) : Result;
    }

    public async Task<Result> HandleAsync(Request request, HttpContext http, CancellationToken ct)
    {
        var userId = http.User.GetUserId() ?? throw new InvalidOperationException("Changing a password needs a signed-in person.");
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (await throttle.HeldUntilAsync(user.Login, address, ct) is { } until)
        {
            return new Result.Held(until - clock.GetUtcNow());
        }

        if (string.IsNullOrEmpty(request.Current) || request.Current.Length > 512
            || passwords.Verify(user.PasswordHash, request.Current) == PasswordCheck.Wrong)
        {
            await throttle.RecordFailureAsync(user.Login, address, ct);
            return new Result.WrongCurrent();
        }

        var broken = PasswordWriter.Check(user, request.Password, request.Confirmation);
        if (broken.Count > 0)
        {
            return new Result.Weak(broken);
        }

        writer.Set(user, request.Password!);
        audit.Record("password.change", user);
        await db.SaveChangesAsync(ct);
        await writer.EndOtherSessionsAsync(user.Id, keep: http.User.GetSessionId(), ct);
        return new Result.Done();
    }
}
