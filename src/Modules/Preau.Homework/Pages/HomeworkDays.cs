using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Resources;

namespace Preau.Homework.Pages;

/// <summary>How the pages name days, durations and kinds of work.</summary>
public static class HomeworkDays
{
    /// <summary>"lundi 21 septembre" in the page's language.</summary>
    public static string Day(DateOnly day) => day.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "dddd d MMMM" : "dddd, MMMM d", CultureInfo.CurrentCulture);

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
