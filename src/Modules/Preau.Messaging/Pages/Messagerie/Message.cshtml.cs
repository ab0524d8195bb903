using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Recall;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>
/// A conversation as the person holds it, oldest first, the asked message open and the others
/// folded. Every action is a plain form post on the message it concerns, coming back here (or to
/// its folder once it left it). A message the person does not hold answers 404.
/// </summary>
[RequireAppRight(MessagingModule.AccessRight)]
public sealed class MessageModel(Shell shell, OpenMessage open, ManageFolders folders, OrganizeMessages organize,
    ReportMessage report, RecallMessage recall) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    /// <summary>The attachment shown in the viewer ("?voir=id"), when it is one of the thread's.</summary>
    [BindProperty(SupportsGet = true, Name = "voir")]
    public Guid? ViewId { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<MessageView> Thread { get; private set; } = [];

    public MessageView Asked => Thread.First(m => m.Id == Id);

    public IReadOnlyList<FolderNode> Folders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        Thread = await open.ThreadAsync(me, Id, ct);
        if (!Thread.Any(m => m.Id == Id))
        {
            // A draft opens where it is written; anything else not held is not there.
            var alone = await open.OpenAsync(me, Id, ct);
            return alone is { State: MessageState.Draft } ? Redirect(MailboxLinks.Compose("brouillon", Id)) : NotFound();
        }

        Done = Done is not null && MailboxLinks.Done.Contains(Done) ? Done : null;
        Error = MailboxLinks.IsErrorKey(Error) ? Error : null;
        Folders = await folders.ListAsync(me.Id, new Dictionary<Guid, FolderCount>(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(string? vers, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (SystemFolders.FromSlug(vers) is not { } target)
        {
            return NotFound();
        }

        var moved = await organize.MoveAsync(me, [Id], target, ct);
        return !moved.Found ? NotFound()
            : moved.Succeeded && moved.Value > 0 ? Redirect(MailboxLinks.Folder(target, done: "deplace"))
            : Redirect(MailboxLinks.Message(Id, error: MailboxLinks.FirstError(moved.Errors) ?? "Error.CannotMoveThere"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var from = (await open.OpenAsync(me, Id, ct))?.FolderId;
        if (from is null)
        {
            return NotFound();
        }

        return await organize.TrashAsync(me, [Id], ct) > 0
            ? Redirect(MailboxLinks.Folder(from.Value, done: "message-corbeille"))
            : Redirect(MailboxLinks.Message(Id));
    }

    public async Task<IActionResult> OnPostUnreadAsync(CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var from = (await open.OpenAsync(me, Id, ct))?.FolderId;
        if (from is null)
        {
            return NotFound();
        }

        await organize.MarkAsync(me, [Id], unread: true, ct);
        return Redirect(MailboxLinks.Folder(from.Value, done: "message-non-lu"));
    }

    public async Task<IActionResult> OnPostReportAsync(string? reason, CancellationToken ct)
    {
        var done = await report.HandleAsync(await MeAsync(ct), Id, reason, ct);
        return !done.Found ? NotFound() : Redirect(MailboxLinks.Message(Id, done: done.Succeeded ? "signale" : null, error: MailboxLinks.FirstError(done.Errors)));
    }

    public async Task<IActionResult> OnPostRecallAsync(CancellationToken ct)
    {
        var done = await recall.HandleAsync(await MeAsync(ct), Id, ct);
        return !done.Found ? NotFound() : Redirect(MailboxLinks.Message(Id, done: done.Succeeded ? "rappele" : null, error: MailboxLinks.FirstError(done.Errors)));
    }

    private async Task<UserContext> MeAsync(CancellationToken ct) => (await shell.GetAsync(ct)).User!;
}
