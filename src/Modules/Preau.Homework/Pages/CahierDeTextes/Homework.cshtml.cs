using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>
/// Homework (/cahier-de-textes/{book}/travail, ?id= to change one, ?pour= a due day, ?seance= the
/// lesson it is set in): its kind with its pictogram, what to do in rich text, due on a day or for
/// one of the next lessons, the time it takes, for the whole class or some pupils, visible from a
/// moment; a new one repeated every week or other week until a day (the école's diary) and written
/// in other books of the writer at once.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class HomeworkModel(Shell shell, ManageBooks books, HomeworkAccess access, ReadBook read, WriteDiary write, SchoolCalendar calendar,
    IStringLocalizer<HomeworkStrings> s) : EntryFormPage(shell, books, access)
{
    /// <summary>The day a new homework is for, from the week's "+" of a day.</summary>
    [BindProperty(SupportsGet = true, Name = "pour")] public string? For { get; set; }

    [BindProperty] public string? DueOn { get; set; }

    [BindProperty(SupportsGet = true, Name = "seance")] public Guid? SessionId { get; set; }

    [BindProperty] public Guid? DueSessionId { get; set; }

    [BindProperty] public string? GivenOn { get; set; }

    [BindProperty] public HomeworkKind Kind { get; set; } = HomeworkKind.Exercise;

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? Minutes { get; set; }

    [BindProperty(Name = "eleves")] public List<Guid> Pupils { get; set; } = [];

    [BindProperty] public string? VisibleFrom { get; set; }

    [BindProperty] public Repeat Repeat { get; set; }

    [BindProperty] public string? RepeatUntil { get; set; }

    /// <summary>The audience's pupils, to choose some.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Audience { get; private set; } = [];

    /// <summary>The next lessons of the book, to set homework for one of them.</summary>
    public IReadOnlyList<HwSession> NextSessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (EntryId is { } id)
        {
            if (await read.HomeworkToEditAsync(Me, id, ct) is not { } found || found.View.Book.Id != BookId)
            {
                return NotFound();
            }

            var homework = found.Homework;
            (DueOn, GivenOn, Kind, Description) = (BookLinks.Iso(homework.DueOn), BookLinks.Iso(homework.GivenOn), homework.Kind, homework.Description);
            (Minutes, VisibleFrom, SessionId, DueSessionId) = (homework.Minutes?.ToString(CultureInfo.InvariantCulture), ParisDateTime.Input(homework.VisibleFrom), homework.SessionId, homework.DueSessionId);
            Pupils = [.. found.Targets];
        }
        else
        {
            var today = calendar.Today();
            GivenOn = BookLinks.Iso(today);
            DueOn = BookLinks.Iso(BookLinks.ParseDay(For) ?? calendar.NextSchoolDay(today));
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        var due = Day(DueOn, "DueOn", required: DueSessionId is null);
        var given = Day(GivenOn, "GivenOn", required: false);
        var until = Repeat == Repeat.None ? null : Day(RepeatUntil, "RepeatUntil", required: false);
        int? minutes = null;
        if (!string.IsNullOrWhiteSpace(Minutes))
        {
            if (int.TryParse(Minutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                minutes = m;
            }
            else
            {
                Errors.Add("Minutes", [s["Error.Minutes"].Value]);
            }
        }

        if (!ParisDateTime.TryParse(VisibleFrom, out var visibleFrom))
        {
            Errors.Add("VisibleFrom", [s["Error.DateInvalid"].Value]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var input = new HomeworkInput(given, due, Kind, Description, minutes, Pupils, visibleFrom, SessionId, DueSessionId, EntryId is null ? Repeat : Repeat.None, until);
        var saved = EntryId is { } id ? await write.UpdateHomeworkAsync(Me, id, input, ct) : await write.AddHomeworkAsync(Me, BookId, input, ct);
        if (!saved.Found)
        {
            return NotFound();
        }

        if (saved.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return Page();
        }

        if (EntryId is null)
        {
            foreach (var other in AlsoIn.Where(b => OtherBooks.Any(o => o.Id == b)))
            {
                await write.CopyHomeworkAsync(Me, saved.Value!.Id, other, ct);
            }
        }

        return BackTo(saved.Value!.DueOn, $"devoir-{saved.Value.Id}");
    }

    private DateOnly? Day(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Errors.Add(field, [s[field == "DueOn" ? "Error.DueRequired" : "Error.DateInvalid"].Value]);
            }

            return null;
        }

        var day = BookLinks.ParseDay(value.Trim());
        if (day is null)
        {
            Errors.Add(field, [s["Error.DateInvalid"].Value]);
        }

        return day;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Audience = await read.PupilsAsync(Book, ct);
        var today = calendar.Today();
        var page = await read.PageAsync(Me, BookId, today, today.AddDays(28), ct);
        NextSessions = page is null ? [] : [.. page.Sessions.Take(12)];
    }
}
