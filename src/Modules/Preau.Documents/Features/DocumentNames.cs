using System.Globalization;
using System.Text;

namespace Preau.Documents;

/// <summary>
/// The names people give their documents and folders. A name is kept in Unicode NFC, so that the
/// composed and decomposed spellings of "Élève.pdf" are one name; it is refused (never silently
/// changed) when it is empty, holds a slash or a backslash (so no "../"), is "." or "..", holds a
/// control or text-direction character (U+202E would show "rapport‮fdp.exe" as "rapportexe.pdf"),
/// or is longer than <see cref="MaxLength"/> characters once normalized.
/// </summary>
public static class DocumentNames
{
    /// <summary>The longest name, in characters (Unicode scalar values) after normalization.</summary>
    public const int MaxLength = 255;

    /// <summary>Room in the columns: 255 characters may take two UTF-16 units each.</summary>
    internal const int MaxStoredLength = 2 * MaxLength;

    /// <summary>The cleaned name, or the error key (of <c>DocumentStrings</c>) saying why it is refused.</summary>
    public static (string Name, string? Error) Check(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (name.Length == 0)
        {
            return (name, "Error.NameEmpty");
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
        {
            return (name, "Error.NameSlash");
        }

        var length = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            length++;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate || IsDirectionControl(rune.Value))
            {
                return (name, "Error.NameControl");
            }
        }

        return length > MaxLength ? (name, "Error.NameTooLong") : (name, null);
    }

    /// <summary>The folded form a listing sorts on and a search matches: lower case, accents off.</summary>
    public static string SortKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"Rapport (2).pdf" for "Rapport.pdf" and 2 (a folder's name has no extension); kept within the length.</summary>
    public static string Numbered(string name, int number, bool hasExtension)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = hasExtension ? name.LastIndexOf('.') : -1;
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        var suffix = string.Create(CultureInfo.InvariantCulture, $" ({number})");
        while (stem.Length > 0 && CountRunes(stem + suffix + extension) > MaxLength)
        {
            stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)];
        }

        return stem + suffix + extension;
    }

    private static int CountRunes(string text) => text.EnumerateRunes().Count();

    private static bool IsDirectionControl(int c) =>
        c is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
