using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The column-mapping step: each column of the file, the field it feeds (suggested from its header), samples.</summary>
public sealed class MappingModel(CurrentUser currentUser, PreviewImport preview, SaveMapping save) : PageModel
{
    public PreviewImport.FileView? View { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ImportField> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid structureId, Guid importId, CancellationToken ct)
    {
        View = await preview.FileAsync(await currentUser.RequireAsync(ct), structureId, importId, ct);
        if (View is null)
        {
            return NotFound();
        }

        return View.State == ImportState.Uploaded ? Page() : Redirect($"/admin/structures/{structureId}/import/{importId}/result");
    }

    /// <summary>Posted: one select per column, named "column-{index}", valued with a field name or empty.</summary>
    public async Task<IActionResult> OnPostAsync(Guid structureId, Guid importId, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        View = await preview.FileAsync(user, structureId, importId, ct);
        if (View is null)
        {
            return NotFound();
        }

        var columns = View.Fields.ToDictionary(f => f, _ => (int?)null);
        foreach (var column in View.Columns)
        {
            if (Enum.TryParse<ImportField>(Request.Form[$"column-{column.Index}"].ToString(), out var field) && columns.ContainsKey(field))
            {
                if (columns[field] is not null)
                {
                    Error = field.ToString();
                    return Page();
                }

                columns[field] = column.Index;
            }
        }

        switch (await save.HandleAsync(user, structureId, importId, columns, ct))
        {
            case SaveMapping.Result.Saved { Missing.Count: 0 }:
                return Redirect($"/admin/structures/{structureId}/import/{importId}");
            case SaveMapping.Result.Saved saved:
                Missing = saved.Missing;
                View = await preview.FileAsync(user, structureId, importId, ct);
                return Page();
            case SaveMapping.Result.Invalid:
                return Redirect($"/admin/structures/{structureId}/import/{importId}/result");
            default:
                return NotFound();
        }
    }
}
