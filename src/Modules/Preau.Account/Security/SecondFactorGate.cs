using Microsoft.AspNetCore.Http;
using Preau.Account.Features;
using Preau.Platform.Directory.Domain;

namespace Preau.Account.Security;

/// <summary>After the right password: whether a second factor is needed, or an enrolment first.</summary>
public sealed class SecondFactorGate(Mfa mfa, TrustedDevices trustedDevices)
{
    public async Task<SignInWithPassword.Result?> StepAsync(User user, HttpContext http, CancellationToken ct)
    {
        if (await mfa.IsEnabledAsync(user.Id, ct))
        {
            return await trustedDevices.IsTrustedAsync(user.Id, http, ct) ? null : new SignInWithPassword.Result.MfaRequired(user);
        }

        return await mfa.IsRequiredAsync(user.Id, ct) ? new SignInWithPassword.Result.MfaEnrolmentRequired(user) : null;
    }
}
