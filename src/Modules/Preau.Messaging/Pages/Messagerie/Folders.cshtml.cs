using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>One's own folders: create (under another, three levels at most), rename, delete (their messages go to the trash).</summary>
[RequireAppRight(MessagingModule.AccessRight)]
public sealed class FoldersModel(Shell shell, ReadMailbox mailbox, ManageFolders folders) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<FolderNode> Folders { get; private set; } = [];

    /// <summary>A refused form's errors (resource keys of MessagingStrings), by folder (Guid.Empty for a new one).</summary>
    public (Guid Folder, string Error)? Refused { get; private set; }

    public string? Name { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, Guid? parent, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var created = await folders.CreateAsync(me, name, parent, ct);
        if (!created.Found)
        {
            return NotFound();
        }

        return created.Succeeded ? Redirect("/messagerie/dossiers?fait=dossier-cree") : await RefuseAsync(Guid.Empty, name, created.Errors, ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, CancellationToken ct)
    {
        var renamed = await folders.RenameAsync((await shell.GetAsync(ct)).User!, id, name, ct);
        if (!renamed.Found)
        {
            return NotFound();
        }

        return renamed.Succeeded ? Redirect("/messagerie/dossiers?fait=dossier-renomme") : await RefuseAsync(id, name, renamed.Errors, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var deleted = await folders.DeleteAsync((await shell.GetAsync(ct)).User!, id, ct);
        return deleted.Found ? Redirect("/messagerie/dossiers?fait=dossier-supprime") : NotFound();
    }

    private async Task<IActionResult> RefuseAsync(Guid folder, string? name, IReadOnlyDictionary<string, string[]>? errors, CancellationToken ct)
    {
        Refused = (folder, MailboxLinks.FirstError(errors) ?? "Error.FolderNameMissing");
        Name = name;
        Done = null;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Done = Done is not null && MailboxLinks.Done.Contains(Done) ? Done : null;
        Folders = await folders.ListAsync(View.User!.Id, await mailbox.CountsAsync(View.User.Id, ct), ct);
    }

    /// <summary>Folders a new one may go under: not yet at the deepest level.</summary>
    public IEnumerable<FolderNode> Parents => Folders.Where(f => f.Depth < MailFolder.MaxDepth);
}
