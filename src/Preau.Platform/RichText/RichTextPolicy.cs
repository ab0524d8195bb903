namespace Preau.Platform.RichText;

/// <summary>
/// What one use of rich text accepts beyond the common allow-list: where its images (and, when it
/// opts in, its sound and video recordings and links to its documents) may come from, and how long
/// its markup may be.
/// </summary>
/// <param name="ImagePrefixes">
/// Site-relative paths an image's <c>src</c> must start with, e.g. <c>/messagerie/pieces/</c>
/// (a leading and trailing slash each). Empty: no image is kept. Images from anywhere else
/// (another site, <c>data:</c>) are dropped: they would tell a third party who reads. With
/// <see cref="AllowsMedia"/> or <see cref="AllowsDocumentLinks"/>, the same prefixes bound
/// audio and video sources and links to documents.
/// </param>
/// <param name="MaxLength">The longest sanitized markup a use case accepts, in characters.</param>
public sealed record RichTextPolicy(IReadOnlyList<string> ImagePrefixes, int MaxLength)
{
    /// <summary>
    /// <c>&lt;audio&gt;</c> and <c>&lt;video&gt;</c> are kept when their <c>src</c> (and a video's
    /// <c>poster</c>) is under <see cref="ImagePrefixes"/>; they always get <c>controls</c> and
    /// lose their children. Off: dropped with their content, as any other policy does.
    /// </summary>
    public bool AllowsMedia { get; init; }

    /// <summary>
    /// A link may also be a site path under <see cref="ImagePrefixes"/> (a document embedded from
    /// the person's files), besides the absolute http, https and mailto addresses every policy keeps.
    /// </summary>
    public bool AllowsDocumentLinks { get; init; }

    /// <summary>Formatting and links, no image.</summary>
    public static RichTextPolicy TextOnly(int maxLength) => new([], maxLength);

    /// <summary>Formatting, links, and images served under the given prefixes.</summary>
    public static RichTextPolicy WithImages(int maxLength, params string[] imagePrefixes) => new(imagePrefixes, maxLength);

    /// <summary>
    /// Formatting, links, and under the given prefixes: images, audio and video recordings, and
    /// links to documents. What a module that wires the upload, the recorder and the document
    /// picker uses (docs/rich-text.md).
    /// </summary>
    public static RichTextPolicy WithMedia(int maxLength, params string[] prefixes) =>
        new(prefixes, maxLength) { AllowsMedia = true, AllowsDocumentLinks = true };

    /// <summary>Whether <paramref name="src"/> is a plain site path under one of <see cref="ImagePrefixes"/>.</summary>
    public bool AllowsImage(string src) => IsUnderPrefix(src);

    /// <summary>Whether <paramref name="src"/> may be an audio or video source (or poster) here.</summary>
    public bool AllowsMediaSource(string src) => AllowsMedia && IsUnderPrefix(src);

    /// <summary>Whether <paramref name="href"/> is a link to a document of this use (a site path under a prefix).</summary>
    public bool AllowsDocumentLink(string href) => AllowsDocumentLinks && IsUnderPrefix(href);

    private bool IsUnderPrefix(string path)
    {
        // A plain path: no scheme, no host ("//"), no way up ("..") nor encoded characters that
        // could hide one, only the characters the upload URLs use.
        if (path.Length is 0 or > 512 || path[0] != '/' || path.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~' or '?' or '=' or '&')) return false;
        }

        foreach (var prefix in ImagePrefixes)
        {
            if (prefix.Length > 1 && prefix[0] == '/' && prefix[^1] == '/' && prefix[1] != '/'
                && path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length)
            {
                return true;
            }
        }

        return false;
    }
}
