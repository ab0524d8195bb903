using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Preau.Documents.Api;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents;

/// <summary>
/// The upload of the folder page's form without script: the body is read part by part, the form
/// token first (checked as the API checks its header), then each file streamed to the use case as it
/// arrives; nothing is bound or buffered (hence no model binding and the token checked here). Back
/// to the folder with what was stored or the first refusal, naming its file.
/// </summary>
[RequireAppRight(DocumentsModule.AccessRight)]
[IgnoreAntiforgeryToken]
public sealed class UploadModel(Shell shell, UploadDocument upload, IOptions<DocumentsOptions> options) : PageModel
{
    public IActionResult OnGet() => Redirect(DocumentLinks.Home);

    /// <summary>No parameter on purpose: binding any would have MVC read (and buffer) the whole form first.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var me = (await shell.GetAsync(ct)).User!;
        var folder = Guid.TryParse(Request.Query["dossier"], CultureInfo.InvariantCulture, out var id) ? id : DocFolder.Root;
        var limits = options.Value;
        var (refusal, reader) = await StreamedUploads.OpenFormAsync(HttpContext, limits.MaxFileBytes * limits.MaxFilesPerUpload, ct);
        if (refusal != StreamedUploads.Refusal.None)
        {
            return BadRequest();
        }

        var (stored, missing, count) = (0, false, 0);
        (string Name, string Key)? refused = null;
        await StreamedUploads.ReadAsync(reader!, async (name, type, content) =>
        {
            if (name.Length == 0 && count == 0)
            {
                return true; // the empty file input of a form sent without a choice
            }

            if (++count > limits.MaxFilesPerUpload)
            {
                refused ??= (name, "Error.TooManyFiles");
                return false;
            }

            var outcome = await upload.UploadAsync(me, folder, name, type, content, null, Request.ContentLength, ct);
            missing |= !outcome.Found;
            if (outcome.Errors is { } errors)
            {
                refused ??= (name, errors.Values.First()[0]);
            }
            else if (outcome.Found)
            {
                stored++;
            }

            return outcome.Found;
        }, ct);

        return missing ? NotFound()
            : count == 0 ? Redirect(DocumentLinks.Folder(folder, error: "Error.NoFile"))
            : Redirect(DocumentLinks.Folder(folder, done: stored > 0 ? "envoye" : null, error: refused?.Key, file: refused?.Name));
    }
}
