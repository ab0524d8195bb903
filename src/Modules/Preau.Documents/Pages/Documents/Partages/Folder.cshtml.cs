using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Documents.Resources;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents.Partages;

/// <summary>
/// A folder someone shared with the person: its subfolders and documents, read only; a holder of
/// contrib may upload into it and make subfolders (the documents and folders are the owner's, in
/// the owner's quota). One of one's own folders goes to its place in one's space; anything else
/// answers 404.
/// </summary>
[RequireAppRight(DocumentsModule.AccessRight)]
[RequestSizeLimit(MaxPostBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
public sealed class FolderModel(Shell shell, ListFolder list, UploadDocument upload, ManageFolders folders, IStringLocalizer<DocumentStrings> d) : PageModel
{
    private const long MaxPostBytes = 600L * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "fait")]
    public int? Uploaded { get; set; }

    [BindProperty(SupportsGet = true, Name = "cree")]
    public string? Created { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    public ShellView View { get; private set; } = null!;

    public FolderListing Listing { get; private set; } = null!;

    public IReadOnlyList<FolderCrumb> Path { get; private set; } = [];

    public bool CanContribute { get; private set; }

    public string Here => $"{DocumentsModule.Url}/partages/dossier/{Id}";

    public string? ErrorText => Error is not null && d[Error] is { ResourceNotFound: false } text ? text.Value : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (await list.ListAsync(me, Id, DocumentSort.Name, false, null, PageNumber, null, ct) is not { } listing)
        {
            return NotFound();
        }

        if (listing.OwnerId == me.Id)
        {
            return Redirect($"{DocumentsModule.Url}/dossier/{Id}");
        }

        Listing = listing;
        Path = listing.Path;
        CanContribute = listing.CanContribute;
        return Page();
    }

    /// <summary>A subfolder of the shared folder (the owner's), for a holder of contrib.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var created = await folders.CreateAsync(me, Id, name, ct);
        if (!created.Found)
        {
            return NotFound();
        }

        return Redirect(created.Succeeded
            ? $"{Here}?cree={Uri.EscapeDataString(created.Value!.Name)}"
            : $"{Here}?erreur={Uri.EscapeDataString(created.Errors!.Values.First()[0])}");
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var count = 0;
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var outcome = await upload.UploadAsync(me, Id, file.FileName, file.ContentType, content, file.Length, null, ct);
            if (!outcome.Found)
            {
                return NotFound();
            }

            if (!outcome.Succeeded)
            {
                return Redirect($"{Here}?erreur={Uri.EscapeDataString(outcome.Errors!.Values.First()[0])}");
            }

            count++;
        }

        return Redirect(count == 0 ? $"{Here}?erreur=Error.NoFile" : $"{Here}?fait={count}");
    }
}
