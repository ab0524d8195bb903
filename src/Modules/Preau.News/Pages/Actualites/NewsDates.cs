using System.Globalization;

namespace Preau.News.Pages.Actualites;

/// <summary>The editor's dates: <c>datetime-local</c> values read and written in Paris time, whatever the server's zone.</summary>
public static class NewsDates
{
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Input(DateTimeOffset? instant) =>
        instant is { } at ? Platform.Kernel.SchoolTime.ToParis(at).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>Null for an empty value; false when the value is not a date and time.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(value.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var zone = Platform.Kernel.SchoolTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);   // the hour skipped in spring
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>"lundi 14 septembre à 08:30" in the page's language, Paris time.</summary>
    public static string Full(DateTimeOffset instant) =>
        Platform.Kernel.SchoolTime.ToParis(instant).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "dddd d MMMM yyyy 'à' HH:mm" : "dddd d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset instant) =>
        Platform.Kernel.SchoolTime.ToParis(instant).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
