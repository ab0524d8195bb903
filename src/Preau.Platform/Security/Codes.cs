using System.Security.Cryptography;
using System.Text;
namespace Preau.Platform.Security;

/// <summary>
/// The platform's one-time secrets (activation codes, reset codes and links, recovery codes,
/// trusted-device tokens): made from a CSPRNG, kept only as HMAC-SHA256 with the platform's code
/// key and a purpose, so a stolen database gives none of them away.
/// </summary>
public sealed class Codes(SecretKeys keys)
{
    /// <summary>No look-alikes (0/O, 1/I/L), as on the activation sheets.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCode(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>"abcd-ef23", "ABCD EF23" → "ABCDEF23".</summary>
    public static string Normalize(string? typed)
    {
        var builder = new StringBuilder(typed?.Length ?? 0);
        foreach (var c in typed ?? string.Empty)
        {
            if (c is not (' ' or '-' or '\u00A0' or '\u202F' or '\t'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>"K7PMX2QD" → "K7PM-X2QD"; "K7PMX2QDAB" → "K7PMX-2QDAB".</summary>
    public static string Format(string code) => code.Length % 2 == 0 ? $"{code[..(code.Length / 2)]}-{code[(code.Length / 2)..]}" : code;

    public string Hash(string purpose, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(keys.CodeKey, Encoding.UTF8.GetBytes(purpose + ":" + value)));

    public static bool Same(string expectedHex, string actualHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(actualHex));
}
