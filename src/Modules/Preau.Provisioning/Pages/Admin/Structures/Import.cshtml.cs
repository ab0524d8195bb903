using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;
using Preau.Provisioning.Reading;
using Preau.Provisioning.Resources;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The import page of a structure: choose a kind and a file; the history below.</summary>
[RequestSizeLimit(CsvFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvFile.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(CurrentUser currentUser, ListImports list, UploadImport upload, IStringLocalizer<ProvisioningStrings> S) : PageModel
{
    public ListImports.History? History { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public ImportKind Kind { get; set; } = ImportKind.Pupils;

    [BindProperty]
    [Required]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid structureId, int? page, CancellationToken ct)
    {
        History = await list.HandleAsync(await currentUser.RequireAsync(ct), structureId, page ?? 1, ct);
        return History is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid structureId, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        History = await list.HandleAsync(user, structureId, 1, ct);
        if (History is null)
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            return Refuse(Upload is null ? S["Upload.NoFile"] : S["Problem.Empty"]);
        }

        await using var stream = Upload.OpenReadStream();
        switch (await upload.HandleAsync(user, structureId, Kind, Upload.FileName, stream, Upload.Length, ct))
        {
            case UploadImport.Result.Uploaded uploaded:
                return Redirect($"/admin/structures/{structureId}/import/{uploaded.Run.Id}/mapping");
            case UploadImport.Result.Unreadable unreadable:
                return Refuse(unreadable.Problem switch
                {
                    FileProblem.Empty => S["Problem.Empty"],
                    FileProblem.TooLarge => S["Problem.TooLarge"],
                    FileProblem.Binary => S["Problem.Binary"],
                    FileProblem.NoHeader => S["Problem.NoHeader"],
                    FileProblem.HeaderTooLong => S["Problem.HeaderTooLong"],
                    FileProblem.TooFewColumns => S["Problem.TooFewColumns"],
                    _ => S["Problem.NoDataLines"],
                });
            default:
                return NotFound();
        }
    }

    private PageResult Refuse(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
