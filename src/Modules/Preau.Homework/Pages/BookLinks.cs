namespace Preau.Homework.Pages;

/// <summary>The addresses of the teachers' pages.</summary>
public static class BookLinks
{
    public const string Inspectors = HomeworkModule.Url + "/inspecteurs";

    public const string FamilyCalendar = HomeworkModule.ToDoUrl + "/agenda";

    public static string Book(Guid bookId) => $"{HomeworkModule.Url}/{bookId}";

    public static string Week(Guid bookId, DateOnly weekStart) => $"{Book(bookId)}?semaine={Iso(weekStart)}";

    public static string Month(Guid bookId, DateOnly month) => $"{Book(bookId)}?vue=liste&mois={month:yyyy-MM}";

    /// <summary>A new lesson (on a day), or one to change.</summary>
    public static string Session(Guid bookId, Guid? sessionId = null, DateOnly? date = null) =>
        sessionId is { } id ? $"{Book(bookId)}/seance?id={id}" : date is { } d ? $"{Book(bookId)}/seance?date={Iso(d)}" : $"{Book(bookId)}/seance";

    /// <summary>New homework (due a day, set in a lesson), or one to change.</summary>
    public static string Homework(Guid bookId, Guid? homeworkId = null, DateOnly? due = null, Guid? sessionId = null)
    {
        if (homeworkId is { } id)
        {
            return $"{Book(bookId)}/travail?id={id}";
        }

        var query = new List<string>();
        if (due is { } d)
        {
            query.Add("pour=" + Iso(d));
        }

        if (sessionId is { } s)
        {
            query.Add("seance=" + s);
        }

        return query.Count == 0 ? $"{Book(bookId)}/travail" : $"{Book(bookId)}/travail?{string.Join('&', query)}";
    }

    public static string Iso(DateOnly day) => Platform.Kernel.DayNames.Iso(day);

    public static DateOnly? ParseDay(string? value) => Platform.Kernel.DayNames.ParseIso(value);
}
