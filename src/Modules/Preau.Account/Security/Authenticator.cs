using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace Preau.Account.Security;

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30 s) as every authenticator app knows it. Secrets are
/// encrypted at rest with ASP.NET data protection. A code is accepted one step early or late
/// (clock drift), and never for a step at or before the last one used (no replay).
/// </summary>
public sealed class Authenticator(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Issuer = "Préau";

    private readonly IDataProtector _secrets = protection.CreateProtector("Preau.Account.Mfa.Secret.v1");
    private readonly IDataProtector _enrolment = protection.CreateProtector("Preau.Account.Mfa.Enrolment.v1");

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Protect(string base32Secret) => _secrets.Protect(base32Secret);

    public string Unprotect(string protectedSecret) => _secrets.Unprotect(protectedSecret);

    /// <summary>The secret being enrolled travels in the form, bound to the person and to a time: nothing is stored until confirmed.</summary>
    public string ProtectForEnrolment(Guid userId, string base32Secret) =>
        _enrolment.Protect($"{userId:N}|{clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}|{base32Secret}");

    public string? UnprotectForEnrolment(Guid userId, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _enrolment.Unprotect(value).Split('|');
            var issued = new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
            return parts.Length == 3 && parts[0] == userId.ToString("N") && clock.GetUtcNow() - issued < TimeSpan.FromMinutes(30) ? parts[2] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The time step a six-digit code matches (±1 step), if it is newer than <paramref name="lastUsedStep"/>.</summary>
    public long? Match(string base32Secret, string? code, long lastUsedStep)
    {
        var digits = new string((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) && step > lastUsedStep
            ? step
            : null;
    }

    /// <summary>The otpauth:// address authenticator apps read from the QR code.</summary>
    public static string OtpAuthUri(string account, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={base32Secret}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>The QR code as a PNG data: URI (the CSP allows data: images), dark on white whatever the theme.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>"JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type into an app.</summary>
    public static string Grouped(string base32Secret) =>
        string.Join(' ', Enumerable.Range(0, (base32Secret.Length + 3) / 4).Select(i => base32Secret.Substring(i * 4, Math.Min(4, base32Secret.Length - i * 4))));
}
