namespace Preau.Platform.Security;

/// <summary>
/// Whether a person uses multi-factor authentication (implemented by the Account module's
/// MfaStatus), for modules that show it without depending on the Account module.
/// </summary>
public interface IMfaStatus
{
    Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default);
}
