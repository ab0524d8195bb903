using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Resources;
using Preau.Platform.Kernel;

namespace Preau.Homework.Pages;

/// <summary>How the pages name days, durations and kinds of work.</summary>
public static class HomeworkDays
{
    /// <summary>"lundi 21 septembre", "mardi 1er décembre" in the page's language.</summary>
    public static string Day(DateOnly day) => DayNames.Full(day);

    /// <summary>"14 septembre", "September 14": a day of this school year.</summary>
    public static string ShortDay(DateOnly day) => DayNames.DayAndMonth(day);

    private static bool IsFrench => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr";

    /// <summary>"septembre 2026".</summary>
    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"8 h 30", "8:30 AM".</summary>
    public static string Time(TimeOnly time) => IsFrench
        ? time.ToString(time.Minute == 0 ? "H' h'" : "H' h 'mm", CultureInfo.InvariantCulture)
        : time.ToString("t", CultureInfo.CurrentCulture);

    /// <summary>The subjects of the collège and the lycée, suggested when a book is opened (any other may be typed).</summary>
    public static readonly IReadOnlyList<string> Subjects =
    [
        "Français", "Mathématiques", "Histoire-géographie", "Enseignement moral et civique", "Anglais", "Allemand", "Espagnol", "Italien",
        "Latin", "Grec", "Sciences de la vie et de la Terre", "Physique-chimie", "Technologie", "Arts plastiques", "Éducation musicale",
        "Éducation physique et sportive", "Philosophie", "Sciences économiques et sociales", "Numérique et sciences informatiques",
    ];

    /// <summary>"35 min", "1 h 20" (French), "1 h 20 min" read the same in English.</summary>
    public static string Duration(IStringLocalizer<HomeworkPageStrings> s, int minutes)
    {
        ArgumentNullException.ThrowIfNull(s);
        return minutes == 0 ? s["Duration.None"] : minutes < 60 ? s["Duration.Minutes", minutes] : minutes % 60 == 0 ? s["Duration.Hours", minutes / 60] : s["Duration.HoursMinutes", minutes / 60, (minutes % 60).ToString("00", CultureInfo.InvariantCulture)];
    }

    /// <summary>The pictogram of a kind of work, for pupils who do not read yet.</summary>
    public static string Icon(HomeworkKind kind) => kind switch
    {
        HomeworkKind.Exercise => "exercises",
        HomeworkKind.Lesson => "class",
        HomeworkKind.Test => "alert",
        HomeworkKind.Bring => "documents",
        HomeworkKind.Read => "library",
        HomeworkKind.Sign => "liaison",
        _ => "homework",
    };

    /// <summary>The page's strings' key of a kind ("Kind.Lesson").</summary>
    public static string KindKey(HomeworkKind kind) => "Kind." + kind;
}
