using System.Globalization;

namespace Preau.Platform.Storage;

/// <summary>
/// Sizes as people read them: "1,5 Mo" in French, "1.5 MB" in English (multiples of 1,024, the
/// number and its unit held together by a no-break space); and read back from settings.
/// </summary>
public static class ByteSizes
{
    private const long Kilo = 1024;
    private static readonly string[] French = ["o", "Ko", "Mo", "Go", "To"];
    private static readonly string[] English = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>The size in the culture's words (the current UI culture when none is given).</summary>
    public static string Format(long bytes, CultureInfo? culture = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        culture ??= CultureInfo.CurrentUICulture;
        var units = culture.TwoLetterISOLanguageName == "en" ? English : French;
        var unit = 0;
        double value = bytes;
        while (value >= Kilo && unit < units.Length - 1)
        {
            value /= Kilo;
            unit++;
        }

        // One decimal while it says something ("1,5 Mo"), none past 100 ("250 Mo").
        var number = value >= 100 || unit == 0
            ? Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", culture)
            : value.ToString("0.#", culture);
        return number + "\u00A0" + units[unit];
    }

    /// <summary>Reads "100 MB", "1.5 GB", "500 Mo", "20Ko" or a number of bytes (any case; "." as the decimal point).</summary>
    /// <exception cref="FormatException">Not a size.</exception>
    public static long Parse(string text) =>
        TryParse(text, out var bytes)
            ? bytes
            : throw new FormatException($"\"{text}\" is not a size (for instance \"100 MB\", \"1 GB\" or a number of bytes).");

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && char.IsLetter(trimmed[split - 1]))
        {
            split--;
        }

        var unitText = trimmed[split..];
        var unit = unitText.Length == 0 ? 0 : Array.FindIndex(English, u => string.Equals(u, unitText, StringComparison.OrdinalIgnoreCase));
        if (unit < 0)
        {
            unit = Array.FindIndex(French, u => string.Equals(u, unitText, StringComparison.OrdinalIgnoreCase));
        }

        if (unit < 0 || !decimal.TryParse(trimmed[..split].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var multiplier = 1L;
        for (var i = 0; i < unit; i++)
        {
            multiplier *= Kilo;
        }

        var value = Math.Round(number * multiplier, MidpointRounding.AwayFromZero);
        if (value > long.MaxValue)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }
}
