using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>
/// The inspectors a school's direction invites (/cahier-de-textes/inspecteurs): each reads every
/// book of the school and sets visas until the last day of the right; the direction ends it early
/// when it wants. Anyone who directs no school gets 404.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class InspectorsModel(Shell shell, Visas visas, SchoolCalendar calendar, IStringLocalizer<HomeworkStrings> s, IStringLocalizer<HomeworkPageStrings> p) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "etablissement")] public Guid? StructureId { get; set; }

    [BindProperty] public string? Login { get; set; }

    [BindProperty] public string? Until { get; set; }

    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<StructureRef> Directed { get; private set; } = [];

    public StructureRef Structure { get; private set; } = null!;

    public IReadOnlyList<InspectorLine> Inspectors { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Status { get; private set; }

    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await ShowAsync(ct) is not PageResult)
        {
            return NotFound();
        }

        var until = BookLinks.ParseDay(Until);
        if (until is null)
        {
            Errors.Add("Until", [s["Error.InspectorUntil"].Value]);
            return Page();
        }

        var invited = await visas.InviteByLoginAsync(View.User!, Structure.Id, Login, until.Value, ct);
        if (invited.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return Page();
        }

        Status = p["Inspectors.Invited", Login ?? "", HomeworkDays.Day(until.Value)];
        (Login, Until) = (null, null);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid grant, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var ended = await visas.EndAsync(View.User!, grant, ct);
        if (!ended.Found)
        {
            return NotFound();
        }

        Status = p["Inspectors.EndedNow"];
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        Directed = [.. me.Structures.Where(x => me.IsLocalAdminOf(x.Id))];
        if (Directed.FirstOrDefault(x => StructureId is null || x.Id == StructureId) is not { } structure)
        {
            return NotFound();
        }

        Structure = structure;
        Today = calendar.Today();
        Inspectors = await visas.InspectorsAsync(me, structure.Id, ct);
        return Page();
    }
}
