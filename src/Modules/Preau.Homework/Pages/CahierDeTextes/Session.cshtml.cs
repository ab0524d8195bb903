using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>
/// A lesson (/cahier-de-textes/{book}/seance, ?id= to change one): the day, the time slot, a title,
/// what was done in rich text, visible to families from a moment (prepared in advance); a new one
/// can be written in other books of the writer at once. In an école's diary: "what we did".
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class SessionModel(Shell shell, ManageBooks books, HomeworkAccess access, ReadBook read, WriteDiary write, SchoolCalendar calendar,
    IStringLocalizer<HomeworkStrings> s) : EntryFormPage(shell, books, access)
{
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }

    [BindProperty] public string? Start { get; set; }

    [BindProperty] public string? End { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public string? VisibleFrom { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (EntryId is { } id)
        {
            if (await read.SessionToEditAsync(Me, id, ct) is not { } found || found.View.Book.Id != BookId)
            {
                return NotFound();
            }

            var session = found.Session;
            Date = BookLinks.Iso(session.Date);
            (Start, End) = (FormTimes.Input(session.Start), FormTimes.Input(session.End));
            (Title, Body, VisibleFrom) = (session.Title, session.Body, ParisDateTime.Input(session.VisibleFrom));
            return Page();
        }

        Date = BookLinks.Iso(BookLinks.ParseDay(Date) ?? calendar.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var date = BookLinks.ParseDay(Date);
        if (date is null)
        {
            Errors.Add("Date", [s["Error.DateInvalid"].Value]);
        }

        var start = FormTimes.Parse(Start, "Start", Errors, s);
        var end = FormTimes.Parse(End, "End", Errors, s);
        if (!ParisDateTime.TryParse(VisibleFrom, out var visibleFrom))
        {
            Errors.Add("VisibleFrom", [s["Error.DateInvalid"].Value]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var input = new SessionInput(date!.Value, start, end, Title, Body, visibleFrom);
        var saved = await write.SaveSessionAsync(Me, BookId, EntryId, input, ct);
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
                await write.CopySessionAsync(Me, saved.Value!.Id, other, ct);
            }
        }

        return BackTo(saved.Value!.Date, $"seance-{saved.Value.Id}");
    }
}
