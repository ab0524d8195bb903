using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Sheets.Features;
using Preau.Platform.Resources;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Sheets;

/// <summary>/admin/structures/{id}/charter: the school's charter of use, edited as plain text.</summary>
public sealed class CharterModel(CurrentUser currentUser, EditCharter charters, IStringLocalizer<CharterStrings> defaults) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool Reset { get; set; }

    public EditCharter.Charter? Charter { get; private set; }

    public bool Saved { get; private set; }

    public int? TooLong { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Charter = await charters.GetAsync(await currentUser.RequireAsync(ct), id, ct);
        if (Charter is null)
        {
            return NotFound();
        }

        Saved = Request.Query.ContainsKey("saved");
        Text = Charter.Text ?? defaults["Charter.Default"].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        // Saving the default text unchanged keeps the school on the default (which follows the platform's updates).
        var text = Reset || string.Equals(Text?.Trim(), defaults["Charter.Default"].Value.Trim(), StringComparison.Ordinal) ? null : Text;
        switch (await charters.SaveAsync(me, id, text, ct))
        {
            case EditCharter.Result.Saved:
                return LocalRedirect($"/admin/structures/{id}/charter?saved=true");
            case EditCharter.Result.TooLong tooLong:
                Charter = await charters.GetAsync(me, id, ct);
                TooLong = tooLong.MaxLength;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                return NotFound();
        }
    }
}
