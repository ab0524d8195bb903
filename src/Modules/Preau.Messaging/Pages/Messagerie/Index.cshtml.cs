using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>
/// The mailbox: folders on the left (system ones with their counts, one's own nested), the chosen
/// folder's lines on the right, newest first, a cursor for older ones (<c>?apres=</c>). Ticked lines
/// take bulk actions as one plain form post that comes back here; mailbox.js only enhances.
/// </summary>
[RequireAppRight(MessagingModule.AccessRight)]
public sealed class IndexModel(Shell shell, ReadMailbox mailbox, ManageFolders folders, OrganizeMessages organize, SendMessage send) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "dossier")]
    public string? Folder { get; set; }

    [BindProperty(SupportsGet = true, Name = "apres")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    public ShellView View { get; private set; } = null!;

    public Guid FolderId { get; private set; }

    public FolderPage Lines { get; private set; } = null!;

    public MailboxNav Nav { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        // 1st-degree pupils have their own simple mailbox (pictures, read-aloud, fewer choices).
        if (View.IsYoungPupil) { return Redirect(MailboxLinks.Home + "/facile"); }

        var me = View.User!;
        if ((Folder is null ? SystemFolders.Inbox : SystemFolders.FromSlug(Folder)) is not { } folderId
            || await mailbox.PageAsync(me, folderId, After, null, ct) is not { } page)
        {
            return NotFound();
        }

        (FolderId, Lines) = (folderId, page);
        Done = Done is not null && MailboxLinks.Done.Contains(Done) ? Done : null;
        Error = MailboxLinks.IsErrorKey(Error) ? Error : null;
        var counts = await mailbox.CountsAsync(me.Id, ct);
        Nav = new MailboxNav(folderId, counts, await folders.ListAsync(me.Id, counts, ct));
        return Page();
    }

    /// <summary>The ticked lines: <c>action</c> is lu, non-lu, deplacer (to <c>vers</c>), supprimer, restaurer or effacer (from the trash, for good).</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<Guid> ids, string? action, string? vers, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var here = (Folder is null ? SystemFolders.Inbox : SystemFolders.FromSlug(Folder)) ?? SystemFolders.Inbox;
        if (ids.Count == 0)
        {
            return Redirect(MailboxLinks.Folder(here, error: "Error.NothingTicked"));
        }

        switch (action)
        {
            case "lu":
                await organize.MarkAsync(me, ids, unread: false, ct);
                return Redirect(MailboxLinks.Folder(here, done: "lu"));
            case "non-lu":
                await organize.MarkAsync(me, ids, unread: true, ct);
                return Redirect(MailboxLinks.Folder(here, done: "non-lu"));
            case "deplacer" when SystemFolders.FromSlug(vers) is { } target:
                var moved = await organize.MoveAsync(me, ids, target, ct);
                return !moved.Found ? NotFound()
                    : Redirect(MailboxLinks.Folder(here, done: moved.Succeeded ? "deplace" : null, error: MailboxLinks.FirstError(moved.Errors)));
            case "supprimer":
                await organize.TrashAsync(me, ids, ct);
                return Redirect(MailboxLinks.Folder(here, done: "corbeille"));
            case "restaurer":
                await organize.RestoreAsync(me, ids, ct);
                return Redirect(MailboxLinks.Folder(here, done: "restaure"));
            case "effacer":
                await organize.DeleteAsync(me, ids, ct);
                return Redirect(MailboxLinks.Folder(here, done: "supprime"));
            default:
                return Redirect(MailboxLinks.Folder(here));
        }
    }

    public async Task<IActionResult> OnPostEmptyTrashAsync(CancellationToken ct)
    {
        await organize.EmptyTrashAsync((await shell.GetAsync(ct)).User!, ct);
        return Redirect(MailboxLinks.Folder(SystemFolders.Trash, done: "vide"));
    }

    /// <summary>A scheduled message back to the drafts.</summary>
    public async Task<IActionResult> OnPostUnscheduleAsync(Guid id, CancellationToken ct)
    {
        var done = await send.UnscheduleAsync((await shell.GetAsync(ct)).User!, id, ct);
        return done.Found ? Redirect(MailboxLinks.Folder(SystemFolders.Drafts, done: "deprogramme")) : NotFound();
    }
}

/// <summary>What the folders pane shows: the current folder, counts per folder, one's own folders as a tree.</summary>
public sealed record MailboxNav(Guid Current, IReadOnlyDictionary<Guid, FolderCount> Counts, IReadOnlyList<FolderNode> Folders)
{
    public FolderCount CountOf(Guid id) => Counts.TryGetValue(id, out var c) ? c : new FolderCount(id, 0, 0);
}
