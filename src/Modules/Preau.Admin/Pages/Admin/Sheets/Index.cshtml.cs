using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Sheets.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Sheets;

/// <summary>/admin/sheets?structure=…&amp;class=…: choose whose sheets to print; the form's answer is the PDF.</summary>
public sealed class IndexModel(CurrentUser currentUser, PrintConnectionSheets print) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? StructureId { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public Guid? ClassId { get; set; }

    [BindProperty]
    public List<SheetAudience> Audiences { get; set; } = [SheetAudience.Pupils, SheetAudience.Parents];

    /// <summary>Posted as "false" by a hidden field, then "true" by the ticked box.</summary>
    [BindProperty]
    public List<bool> OnlyPending { get; set; } = [true];

    /// <summary>A selection made elsewhere (the user list of the console) posts their ids.</summary>
    [BindProperty]
    public List<Guid> UserIds { get; set; } = [];

    public PrintConnectionSheets.Scope? Scope { get; private set; }

    public PrintConnectionSheets.Result.Nothing? Nothing { get; private set; }

    public bool NoAudience { get; private set; }

    public bool PendingOnly => OnlyPending.Count == 0 || OnlyPending[^1];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Audiences.Count == 0 && UserIds.Count == 0)
        {
            NoAudience = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await print.HandleAsync(await currentUser.RequireAsync(ct),
            new PrintConnectionSheets.Request(Scope!.StructureId, Scope.ClassId, UserIds.Count == 0 ? null : UserIds,
                Audiences.Count == 0 ? null : Audiences, IncludeActive: !PendingOnly), ct);
        switch (result)
        {
            case PrintConnectionSheets.Result.Printed printed:
                return File(printed.Pdf, "application/pdf", printed.FileName);
            case PrintConnectionSheets.Result.Nothing nothing:
                Nothing = nothing;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        var structureId = StructureId
            ?? user.Classes.FirstOrDefault(c => c.Id == ClassId)?.StructureId
            ?? (ClassId is null ? SingleAdministered(user) : null);
        if (structureId is null)
        {
            return false;
        }

        Scope = await print.DescribeAsync(user, structureId.Value, ClassId, ct);
        return Scope is not null;
    }

    private static Guid? SingleAdministered(UserContext user)
    {
        var schools = user.Functions.Where(f => f.Function == Function.LocalAdmin && f.StructureId is not null).Select(f => f.StructureId!.Value).Distinct().ToList();
        return schools.Count == 1 ? schools[0] : null;
    }
}
