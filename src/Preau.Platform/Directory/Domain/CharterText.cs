namespace Preau.Platform.Directory.Domain;

/// <summary>
/// A school's charter is plain text: paragraphs separated by blank lines, lines kept as typed.
/// Pages render it through the shared <c>_Charter</c> partial, encoded, never as HTML.
/// </summary>
public static class CharterText
{
    public const int MaxLength = 20_000;

    /// <summary>The text cleaned for storage: trimmed, Windows line ends made plain; null when empty (the platform's default applies).</summary>
    public static string? Clean(string? text)
    {
        var cleaned = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string text) =>
        [.. (Clean(text) ?? string.Empty)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (IReadOnlyList<string>)[.. p.Split('\n', StringSplitOptions.TrimEntries)])];
}
