namespace Preau.Platform.RichText;

/// <summary>
/// What one use of rich text accepts beyond the common allow-list: where its images may come
/// from and how long its markup may be.
/// </summary>
/// <param name="ImagePrefixes">
/// Site-relative paths an image's <c>src</c> must start with, e.g. <c>/messagerie/pieces/</c>
/// (a leading and trailing slash each). Empty: no image is kept. Images from anywhere else
/// (another site, <c>data:</c>) are dropped: they would tell a third party who reads.
/// </param>
/// <param name="MaxLength">The longest sanitized markup a use case accepts, in characters.</param>
public sealed record RichTextPolicy(IReadOnlyList<string> ImagePrefixes, int MaxLength)
{
    /// <summary>Formatting and links, no image.</summary>
    public static RichTextPolicy TextOnly(int maxLength) => new([], maxLength);

    /// <summary>Formatting, links, and images served under the given prefixes.</summary>
    public static RichTextPolicy WithImages(int maxLength, params string[] imagePrefixes) => new(imagePrefixes, maxLength);

    /// <summary>Whether <paramref name="src"/> is a plain site path under one of <see cref="ImagePrefixes"/>.</summary>
    public bool AllowsImage(string src)
    {
        // A plain path: no scheme, no host ("//"), no way up ("..") nor encoded characters that
        // could hide one, only the characters the upload URLs use.
        if (src.Length is 0 or > 512 || src[0] != '/' || src.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in src)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~' or '?' or '=' or '&')) return false;
        }

        foreach (var prefix in ImagePrefixes)
        {
            if (prefix.Length > 1 && prefix[0] == '/' && prefix[^1] == '/' && prefix[1] != '/'
                && src.StartsWith(prefix, StringComparison.Ordinal) && src.Length > prefix.Length)
            {
                return true;
            }
        }

        return false;
    }
}
