using System.Globalization;

namespace Preau.Platform.Kernel;

/// <summary>How the pages and the feed name a day in the reader's language: "mardi 1er décembre", "Tuesday, December 1".</summary>
public static class DayNames
{
    /// <summary>The ISO form a day travels in (a feed event's values, an input's value).</summary>
    public const string IsoFormat = "yyyy-MM-dd";

    public static string Full(DateOnly day) =>
        day.ToString(IsFrench ? (day.Day == 1 ? "dddd d'er' MMMM" : "dddd d MMMM") : "dddd, MMMM d", CultureInfo.CurrentCulture);

    /// <summary>"1er décembre", "14 septembre", "December 1".</summary>
    public static string DayAndMonth(DateOnly day) =>
        day.ToString(IsFrench ? (day.Day == 1 ? "d'er' MMMM" : "d MMMM") : "MMMM d", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly day) => day.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseIso(string? value) =>
        DateOnly.TryParseExact(value, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool IsFrench => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr";
}
