using System.Globalization;
using System.Text;

namespace Preau.Platform.Files;

/// <summary>
/// Cleans a file name given by a browser before it is kept or sent back in a header: no folders,
/// no control or direction characters (U+202E would show "rapport‮fdp.exe" as "rapportexe.pdf"),
/// none of <c>&lt;&gt;:"/\|?*</c>, no leading dots, no Windows device name, at most 255 UTF-8
/// bytes keeping the extension; never empty. The one cleaner of the platform: attachments' names,
/// entries of a ZIP archive, any name a file is given to download.
/// </summary>
public static class FileNames
{
    public const int MaxBytes = 255;
    public const string Fallback = "fichier";

    private static readonly string[] Reserved =
    [
        "CON", "PRN", "AUX", "NUL", "CLOCK$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    public static string Clean(string? name)
    {
        var raw = (name ?? "").Normalize(NormalizationForm.FormC);
        // Only the last segment: "../../etc/passwd" is "passwd", "C:\\x\\a.txt" is "a.txt".
        var slash = raw.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            raw = raw[(slash + 1)..];
        }

        var text = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || (rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                text.Append('_');
                continue;
            }

            text.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var cleaned = text.ToString().Trim().TrimStart('.').TrimEnd('.', ' ').Trim();
        if (cleaned.Trim('_', ' ').Length == 0)
        {
            return Fallback;
        }

        var dot = cleaned.LastIndexOf('.');
        var stem = dot > 0 ? cleaned[..dot] : cleaned;
        var extension = dot > 0 ? cleaned[dot..] : "";
        var device = stem.Split('.')[0].TrimEnd(' ');
        if (Reserved.Contains(device, StringComparer.OrdinalIgnoreCase))
        {
            stem = "_" + stem;
        }

        if (Encoding.UTF8.GetByteCount(extension) > 32)
        {
            // An "extension" that long is part of the name.
            (stem, extension) = (stem + extension, "");
        }

        while (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxBytes && stem.Length > 0)
        {
            stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)];
        }

        var result = (stem + extension).Trim();
        return result.Length == 0 || result.StartsWith('.') ? Fallback + result : result;
    }
}
