using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.AFaire;

/// <summary>One pupil's calendar address on the families' page.</summary>
public sealed record PupilCalendar(Guid PupilId, string FirstName, CalendarKeyLine? Existing, string? NewUrl);

/// <summary>
/// The families' calendar addresses (/a-faire/agenda): for the pupil, or for each child of a
/// parent, a private address to subscribe to from the phone's calendar; shown once when made,
/// made again or revoked in one tap (the old address then answers nothing).
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class AgendaModel(Shell shell, CalendarKeys keys, IStringLocalizer<HomeworkPageStrings> p) : PageModel
{
    [BindProperty(Name = "enfant")] public Guid? Child { get; set; }

    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<PupilCalendar> Pupils { get; private set; } = [];

    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(null, ct);

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var made = await keys.CreateAsync(me, CalendarScope.Pupil, Child ?? me.Id, ct);
        return made.Found ? await ShowAsync(made.Value, ct) : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeCalendarAsync(Guid key, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (!(await keys.RevokeAsync(View.User!, key, ct)).Found)
        {
            return NotFound();
        }

        Status = p["Calendar.Revoked"];
        return await ShowAsync(null, ct);
    }

    private async Task<IActionResult> ShowAsync(CalendarAddress? made, CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        IEnumerable<(Guid Id, string FirstName)> pupils = me.Profile switch
        {
            Profile.Student => [(me.Id, me.FirstName)],
            Profile.Relative => me.Children.Select(c => (c.Id, c.FirstName)),
            _ => [],
        };
        var mine = await keys.MineAsync(me, ct);
        var site = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        Pupils = [.. pupils.Select(x => new PupilCalendar(x.Id, x.FirstName,
            mine.FirstOrDefault(k => k.Scope == CalendarScope.Pupil && k.SubjectId == x.Id),
            made is { } m && m.SubjectId == x.Id ? site + m.Path : null))];
        return Pupils.Count == 0 ? NotFound() : Page();
    }
}
