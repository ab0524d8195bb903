using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Security;

/// <summary>The outcome of checking a second-factor code.</summary>
public enum SecondFactorCheck
{
    Accepted,
    AcceptedRecoveryCode,
    Wrong,
    Held,
}

/// <summary>
/// Multi-factor authentication for one person: whether they have it, whether they must, checking
/// a code (authenticator or recovery code, throttled per person and per address), enabling,
/// disabling and resetting it. Audit entries are added to the unit of work saved here.
/// </summary>
public sealed class Mfa(
    PreauDbContext db, Authenticator authenticator, Codes codes, AuditLog audit, TimeProvider clock,
    IDistributedCache cache, IOptions<LoginThrottleOptions> throttleOptions, IHttpContextAccessor http)
{
    public const int RecoveryCodeCount = 10;
    public const int RecoveryCodeLength = 10;
    private const string RecoveryPurpose = "mfa-recovery";

    // Same limits as the sign-in throttle, on counters of its own ("mfa:" + user id).
    private readonly LoginThrottle _throttle = new(cache, clock, throttleOptions);

    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct) =>
        db.Set<MfaSecret>().AnyAsync(m => m.UserId == userId, ct);

    /// <summary>SuperAdmins and LocalAdmins must use a second factor.</summary>
    public Task<bool> IsRequiredAsync(Guid userId, CancellationToken ct) =>
        db.FunctionGrants.AnyAsync(f => f.UserId == userId && (f.Function == Function.SuperAdmin || f.Function == Function.LocalAdmin), ct);

    /// <summary>Offered to adults; pupils are never asked.</summary>
    public static bool IsOffered(Profile profile) => profile != Profile.Student;

    public async Task<(SecondFactorCheck Check, TimeSpan RetryAfter)> CheckAsync(User user, string? typed, CancellationToken ct)
    {
        var key = "mfa:" + user.Id.ToString("N");
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (await _throttle.HeldUntilAsync(key, address, ct) is { } until)
        {
            return (SecondFactorCheck.Held, until - clock.GetUtcNow());
        }

        var secret = await db.Set<MfaSecret>().FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (secret is not null && !string.IsNullOrWhiteSpace(typed))
        {
            if (authenticator.Match(authenticator.Unprotect(secret.ProtectedSecret), typed, secret.LastUsedStep) is { } step)
            {
                secret.LastUsedStep = step;
                await db.SaveChangesAsync(ct);
                await _throttle.ResetAsync(key, ct);
                return (SecondFactorCheck.Accepted, TimeSpan.Zero);
            }

            var normalized = Codes.Normalize(typed);
            if (normalized.Length == RecoveryCodeLength)
            {
                var hash = codes.Hash(RecoveryPurpose, normalized);
                var recovery = await db.Set<MfaRecoveryCode>().FirstOrDefaultAsync(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null, ct);
                if (recovery is not null)
                {
                    recovery.UsedAt = clock.GetUtcNow();
                    var left = await db.Set<MfaRecoveryCode>().CountAsync(c => c.UserId == user.Id && c.UsedAt == null, ct) - 1;
                    audit.Record("mfa.recovery-code-used", user, details: $"{left} recovery code(s) left");
                    await db.SaveChangesAsync(ct);
                    await _throttle.ResetAsync(key, ct);
                    return (SecondFactorCheck.AcceptedRecoveryCode, TimeSpan.Zero);
                }
            }
        }

        await _throttle.RecordFailureAsync(key, address, ct);
        return (SecondFactorCheck.Wrong, TimeSpan.Zero);
    }

    /// <summary>Confirms an enrolment with its first code; returns the recovery codes to show once, or null if the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(User user, string base32Secret, string? code, CancellationToken ct)
    {
        if (authenticator.Match(base32Secret, code, lastUsedStep: 0) is not { } step)
        {
            return null;
        }

        await RemoveAllAsync(user.Id, ct);
        db.Set<MfaSecret>().Add(new MfaSecret
        {
            UserId = user.Id,
            ProtectedSecret = authenticator.Protect(base32Secret),
            EnabledAt = clock.GetUtcNow(),
            LastUsedStep = step,
        });
        var recoveryCodes = NewRecoveryCodes(user.Id);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record("mfa.enable", user);
        await db.SaveChangesAsync(ct);
        return recoveryCodes;
    }

    /// <summary>Replaces the recovery codes (the old ones stop working).</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(User user, CancellationToken ct)
    {
        await db.Set<MfaRecoveryCode>().Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        var recoveryCodes = NewRecoveryCodes(user.Id);
        await db.SaveChangesAsync(ct);
        return recoveryCodes;
    }

    public Task<int> RecoveryCodesLeftAsync(Guid userId, CancellationToken ct) =>
        db.Set<MfaRecoveryCode>().CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);

    /// <summary>Turns MFA off: the secret, the recovery codes and the trusted devices go.</summary>
    public async Task DisableAsync(User user, string action, Guid? structureId, CancellationToken ct)
    {
        await RemoveAllAsync(user.Id, ct);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(action, user, structureId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo city's administrators: enrolled with a fixed, published secret (demonstration only).</summary>
    public void EnrolForDemo(User user, string base32Secret) =>
        db.Set<MfaSecret>().Add(new MfaSecret
        {
            UserId = user.Id,
            ProtectedSecret = authenticator.Protect(base32Secret),
            EnabledAt = clock.GetUtcNow(),
        });

    private List<string> NewRecoveryCodes(Guid userId)
    {
        var plain = new List<string>(RecoveryCodeCount);
        for (var i = 0; i < RecoveryCodeCount; i++)
        {
            var code = Codes.NewCode(RecoveryCodeLength);
            plain.Add(Codes.Format(code));
            db.Set<MfaRecoveryCode>().Add(new MfaRecoveryCode
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserId = userId,
                CodeHash = codes.Hash(RecoveryPurpose, code),
            });
        }

        return plain;
    }

    private async Task RemoveAllAsync(Guid userId, CancellationToken ct)
    {
        await db.Set<MfaSecret>().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<MfaRecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<TrustedDevice>().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
    }
}

/// <summary>
/// Whether a person has multi-factor authentication on, for other modules (the administration
/// console shows it on a user's page). Registered as <see cref="IMfaStatus"/> too.
/// </summary>
public sealed class MfaStatus(PreauDbContext db) : IMfaStatus
{
    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<MfaSecret>().AnyAsync(m => m.UserId == userId, ct);
}
