using System.Globalization;

namespace Preau.News.Pages.Actualites;

/// <summary>The editor's dates: <c>datetime-local</c> values read and written in Paris time, whatever the server's zone.</summary>
public static class NewsDates
{
    public static string Input(DateTimeOffset? instant) => Platform.Forms.ParisDateTime.Input(instant);

    /// <summary>Null for an empty value; false when the value is not a date and time.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? instant) => Platform.Forms.ParisDateTime.TryParse(value, out instant);

    /// <summary>"lundi 14 septembre à 08:30" in the page's language, Paris time.</summary>
    public static string Full(DateTimeOffset instant) =>
        Platform.Kernel.SchoolTime.ToParis(instant).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "dddd d MMMM yyyy 'à' HH:mm" : "dddd d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset instant) =>
        Platform.Kernel.SchoolTime.ToParis(instant).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
