using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Documents.Features.Files;
using Preau.Platform.Rights;
using Preau.Platform.Storage;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents;

/// <summary>
/// The trash of one's space: what was put there, newest first; restore or delete for good one item
/// or the ticked ones, empty it all (both with a confirmation), as plain form posts.
/// </summary>
[RequireAppRight(DocumentsModule.AccessRight)]
public sealed class TrashModel(Shell shell, DocumentTrash trash, StorageQuota quota) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    public ShellView View { get; private set; } = null!;

    public TrashListing Listing { get; private set; } = null!;

    public StorageStatus Usage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        Listing = await trash.ListAsync(me, ct);
        Usage = await quota.StatusAsync(me.Id, ct) ?? new StorageStatus(0, quota.QuotaOf(me));
        Done = Done is not null && DocumentLinks.Done.Contains(Done) ? Done : null;
        return Page();
    }

    /// <summary><c>action</c>: restaurer or supprimer (for good) the ticked documents (<c>docs</c>) and folders (<c>folders</c>).</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<Guid> docs, List<Guid> folders, string? action, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        if (docs.Count + folders.Count == 0)
        {
            return Redirect(DocumentLinks.TrashPage(error: "Docs.Error.NothingTicked"));
        }

        var found = true;
        switch (action)
        {
            case "restaurer":
                foreach (var id in docs) { found &= (await trash.RestoreDocumentAsync(me, id, ct)).Found; }
                foreach (var id in folders) { found &= (await trash.RestoreFolderAsync(me, id, ct)).Found; }
                return found ? Redirect(DocumentLinks.TrashPage(done: "restaure")) : NotFound();
            case "supprimer":
                // Folders first, then documents: each was trashed on its own, so each goes on its own.
                foreach (var id in folders) { found &= (await trash.DeleteFolderAsync(me, id, ct)).Found; }
                foreach (var id in docs) { found &= (await trash.DeleteDocumentAsync(me, id, ct)).Found; }
                return found ? Redirect(DocumentLinks.TrashPage(done: "supprime")) : NotFound();
            default:
                return Redirect(DocumentLinks.Trash);
        }
    }

    public async Task<IActionResult> OnPostEmptyAsync(CancellationToken ct)
    {
        await trash.EmptyAsync((await shell.GetAsync(ct)).User!, ct);
        return Redirect(DocumentLinks.TrashPage(done: "vide"));
    }
}
