using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>One day of a book as its pages show it: the lessons, the homework due.</summary>
public sealed record BookDay(DateOnly Date, IReadOnlyList<HwSession> Sessions, IReadOnlyList<BookHomework> Homework, string? Holiday, bool IsToday)
{
    public bool IsEmpty => Sessions.Count == 0 && Homework.Count == 0;
}

/// <summary>What the day partial needs beside the day.</summary>
public sealed record BookDayView(BookDay Day, BookModel Page);

/// <summary>
/// A book (/cahier-de-textes/{id}): a week (Monday to Friday, Saturday when something is dated
/// there) or a month as a list, the lessons and the homework due each day with "18/25 ont fait".
/// Its writers add, change, copy to another of their books and remove entries; the direction and
/// an invited inspector set a visa; a teacher of the class makes the class's calendar address.
/// The week prints as it shows, without the buttons.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class BookModel(Shell shell, ReadBook read, ManageBooks books, HomeworkAccess access, WriteDiary write, Visas visas, CalendarKeys keys,
    HomeworkAttachments attachments, SchoolCalendar calendar, TimeProvider clock, IStringLocalizer<HomeworkStrings> s, IStringLocalizer<HomeworkPageStrings> p) : PageModel
{
    public const string ListMode = "liste";

    [FromRoute(Name = "id")] public Guid BookId { get; set; }

    [BindProperty(SupportsGet = true, Name = "semaine")] public string? WeekParameter { get; set; }

    [BindProperty(SupportsGet = true, Name = "vue")] public string? Mode { get; set; }

    [BindProperty(SupportsGet = true, Name = "mois")] public string? MonthParameter { get; set; }

    public ShellView View { get; private set; } = null!;

    public BookPage Book { get; private set; } = null!;

    public BookView Access => Book.View;

    public bool IsList => Mode == ListMode;

    /// <summary>The Monday of the week shown, or the first day of the month shown.</summary>
    public DateOnly From { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Now, to tell entries prepared for later.</summary>
    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<BookDay> Days { get; private set; } = [];

    /// <summary>The documents joined to the lessons and homework shown, by entry.</summary>
    public ILookup<Guid, AttachmentView> Files { get; private set; } = Array.Empty<AttachmentView>().ToLookup(a => a.EntryId);

    /// <summary>This week or month, to come back to from the document picker.</summary>
    public string HereUrl => IsList ? BookLinks.Month(BookId, From) : BookLinks.Week(BookId, From);

    /// <summary>The audience's pupils by id, to name whom a targeted homework is for.</summary>
    public IReadOnlyDictionary<Guid, string> Pupils { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The other books this person writes in, to copy an entry to.</summary>
    public IReadOnlyList<BookLine> CopyTargets { get; private set; } = [];

    /// <summary>Whether this person may make the class's calendar address (a teacher of the class).</summary>
    public bool MayMakeClassCalendar { get; private set; }

    public CalendarKeyLine? ClassCalendar { get; private set; }

    /// <summary>A class calendar address just made: shown once.</summary>
    public string? NewCalendarUrl { get; private set; }

    /// <summary>What the last action did, for the status line.</summary>
    public string? Status { get; private set; }

    public FieldErrors Errors { get; } = new();

    [BindProperty] public string? VisaUpTo { get; set; }

    [BindProperty] public string? VisaComment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostVisaAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var upTo = string.IsNullOrWhiteSpace(VisaUpTo) ? null : BookLinks.ParseDay(VisaUpTo);
        if (!string.IsNullOrWhiteSpace(VisaUpTo) && upTo is null)
        {
            Errors.Add("UpTo", [s["Error.DateInvalid"].Value]);
            return await ShowAsync(ct);
        }

        var signed = await visas.SignAsync(View.User!, BookId, upTo, VisaComment, ct);
        if (!signed.Found)
        {
            return NotFound();
        }

        if (signed.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return await ShowAsync(ct);
        }

        (VisaUpTo, VisaComment) = (null, null);
        Status = p["Book.VisaDone", HomeworkDays.ShortDay(signed.Value!.UpTo)];
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid entry, string kind, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var deleted = kind == "seance" ? await write.DeleteSessionAsync(View.User!, entry, ct) : await write.DeleteHomeworkAsync(View.User!, entry, ct);
        if (!deleted.Found)
        {
            return NotFound();
        }

        if (deleted.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return await ShowAsync(ct);
        }

        Status = kind == "seance" ? p["Book.SessionDeleted"] : p["Book.HomeworkDeleted"];
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid entry, string kind, Guid to, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var copied = kind == "seance"
            ? (await write.CopySessionAsync(me, entry, to, ct)).Map(_ => new Done())
            : (await write.CopyHomeworkAsync(me, entry, to, ct)).Map(_ => new Done());
        if (!copied.Found)
        {
            return NotFound();
        }

        if (copied.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return await ShowAsync(ct);
        }

        var target = (await books.MineAsync(me, access, ct)).FirstOrDefault(b => b.Id == to);
        Status = p["Book.Copied", target?.Title ?? ""];
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var view = await access.FindAsync(me, BookId, ct);
        if (view?.Book.ClassId is not { } classId)
        {
            return NotFound();
        }

        var made = await keys.CreateAsync(me, CalendarScope.Class, classId, ct);
        if (!made.Found)
        {
            return NotFound();
        }

        NewCalendarUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{made.Value!.Path}";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeCalendarAsync(Guid key, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var revoked = await keys.RevokeAsync(View.User!, key, ct);
        if (!revoked.Found)
        {
            return NotFound();
        }

        Status = p["Calendar.Revoked"];
        return await ShowAsync(ct);
    }

    public string WeekUrl(int weeks) => BookLinks.Week(BookId, From.AddDays(7 * weeks));

    public string MonthUrl(int months) => BookLinks.Month(BookId, From.AddMonths(months));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        Today = calendar.Today();
        Now = clock.GetUtcNow();
        DateOnly to;
        if (IsList)
        {
            var month = BookLinks.ParseDay(MonthParameter + "-01") ?? new DateOnly(Today.Year, Today.Month, 1);
            (From, to) = (month, month.AddMonths(1).AddDays(-1));
        }
        else
        {
            var day = BookLinks.ParseDay(WeekParameter) ?? (Today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Today.AddDays(2) : Today);
            From = SchoolCalendar.WeekStart(day);
            to = From.AddDays(6);
        }

        if (await read.PageAsync(me, BookId, From, to, ct) is not { } page)
        {
            return NotFound();
        }

        Book = page;
        Files = await attachments.ListAsync([.. page.Sessions.Select(x => x.Id), .. page.Homework.Select(h => h.Homework.Id)], ct);
        Pupils = (await read.PupilsAsync(page.View, ct)).ToDictionary(x => x.Id, x => x.Name);
        Days = IsList ? ListDays(page) : WeekDays(page);
        if (page.View.CanWrite)
        {
            CopyTargets = [.. (await books.MineAsync(me, access, ct)).Where(b => b.CanWrite && b.Id != BookId)];
        }

        MayMakeClassCalendar = me.Profile == Profile.Teacher && page.View.Book.ClassId is { } classId && me.Classes.Any(c => c.Id == classId);
        if (MayMakeClassCalendar)
        {
            ClassCalendar = (await keys.MineAsync(me, ct)).FirstOrDefault(k => k.Scope == CalendarScope.Class && k.SubjectId == page.View.Book.ClassId);
        }

        return Page();
    }

    private List<BookDay> WeekDays(BookPage page)
    {
        var days = new List<BookDay>();
        for (var day = From; day <= From.AddDays(6); day = day.AddDays(1))
        {
            var one = Day(page, day);
            if (day.DayOfWeek != DayOfWeek.Sunday && (day.DayOfWeek != DayOfWeek.Saturday || !one.IsEmpty))
            {
                days.Add(one);
            }
        }

        return days;
    }

    private List<BookDay> ListDays(BookPage page) =>
        [.. page.Sessions.Select(x => x.Date).Concat(page.Homework.Select(h => h.Homework.DueOn)).Distinct().Order().Select(d => Day(page, d))];

    private BookDay Day(BookPage page, DateOnly day) =>
        new(day, [.. page.Sessions.Where(x => x.Date == day)], [.. page.Homework.Where(h => h.Homework.DueOn == day)],
            calendar.IsSchoolDay(day) ? null : calendar.HolidayName(day), day == Today);
}
