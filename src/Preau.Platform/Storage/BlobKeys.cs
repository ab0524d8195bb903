using System.Text.RegularExpressions;

namespace Preau.Platform.Storage;

/// <summary>
/// Blob keys: "sha256/ab/cd/" then the 64 lower-case hex digits of the content's SHA-256 (the two
/// folders are its first four digits, so no folder grows past 65,536 entries). Nothing else is a
/// key: no user file name, no "..", no absolute path ever reaches a store.
/// </summary>
public static partial class BlobKeys
{
    public static string ForSha256(string sha256Hex)
    {
        if (!Sha256Pattern().IsMatch(sha256Hex))
        {
            throw new ArgumentException("A SHA-256 is 64 lower-case hexadecimal digits.", nameof(sha256Hex));
        }

        return $"sha256/{sha256Hex[..2]}/{sha256Hex[2..4]}/{sha256Hex}";
    }

    public static bool IsValid(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>The SHA-256 a valid key names.</summary>
    /// <exception cref="ArgumentException">Not a blob key.</exception>
    public static string Sha256Of(string key)
    {
        Validate(key);
        return key[^64..];
    }

    /// <summary>Reads the content under <paramref name="key"/> again and compares its SHA-256 with the key: false when missing or altered (every store's VerifyAsync).</summary>
    /// <exception cref="ArgumentException">Not a blob key.</exception>
    public static async Task<bool> VerifyAsync(IBlobStore store, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var expected = Sha256Of(key);
        await using var stream = await store.OpenReadAsync(key, ct);
        if (stream is null)
        {
            return false;
        }

        var actual = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
        return string.Equals(actual, expected, StringComparison.Ordinal);
    }

    /// <exception cref="ArgumentException">Not a blob key.</exception>
    public static void Validate(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException("Not a blob key (sha256/ab/cd/<64 hex digits>).", nameof(key));
        }
    }

    [GeneratedRegex(@"^[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();

    // The folders repeat the hash's first four digits; \z, not $, so a trailing newline is refused too.
    [GeneratedRegex(@"^sha256/([0-9a-f]{2})/([0-9a-f]{2})/\1\2[0-9a-f]{60}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
