using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.News.Features.Comments;
using Preau.News.Features.Items;
using Preau.News.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>
/// An item's page (/actualites/{id}): its text, its state and the steps the person may take
/// (submit, publish, unpublish, trash), its comments and the comment form. 404 for whoever may not see it.
/// </summary>
[RequireAppRight(NewsModule.AccessRight)]
public sealed class ItemModel(Shell shell, ReadNews read, WriteNews write, NewsComments comments, IStringLocalizer<NewsStrings> s) : NewsPage
{
    public ItemView Item { get; private set; } = null!;

    public NewsComments.Thread Comments { get; private set; } = null!;

    [BindProperty] public string? Comment { get; set; }

    [BindProperty(Name = "commentaire")] public Guid? CommentId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => StepAsync(id, me => write.SubmitAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => StepAsync(id, me => write.PublishAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) => StepAsync(id, me => write.UnpublishAsync(me, id, ct), ct);

    public async Task<IActionResult> OnPostTrashAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var item = await read.GetAsync(View.User!, id, ct);
        var outcome = await write.TrashAsync(View.User!, id, ct);
        return outcome.Succeeded && item is not null ? Redirect($"{NewsModule.Url}/fils/{item.ThreadId}") : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = await comments.AddAsync(View.User!, id, Comment, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, s);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"{NewsModule.Url}/{id}#commentaires");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = CommentId is { } c ? await comments.ApproveAsync(View.User!, c, ct) : null;
        return outcome is { Found: true } ? Redirect($"{NewsModule.Url}/{id}#commentaires") : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = CommentId is { } c ? await comments.DeleteAsync(View.User!, c, ct) : null;
        return outcome is { Found: true } ? Redirect($"{NewsModule.Url}/{id}#commentaires") : NotFound();
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<UserContext, Task<Outcome<Domain.NewsItem>>> step, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = await step(View.User!);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, s);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"{NewsModule.Url}/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        View ??= await shell.GetAsync(ct);
        var me = View.User!;
        if (await read.GetAsync(me, id, ct) is not { } item || await comments.ListAsync(me, id, ct) is not { } thread)
        {
            return false;
        }

        (Item, Comments) = (item, thread);
        return true;
    }
}
