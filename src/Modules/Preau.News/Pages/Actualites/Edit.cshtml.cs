using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.News.Domain;
using Preau.News.Features.Items;
using Preau.News.Features.Threads;
using Preau.News.Resources;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>
/// Writing an item (/actualites/ecrire?fil= for a new one, ?id= to change one): title, body,
/// publication and expiry in Paris time, "À la une". Saving keeps a draft; contributors then
/// submit, publishers publish (now, or at the publication date). A refusal shows beside its
/// field with everything typed kept.
/// </summary>
[RequireAppRight(NewsModule.AccessRight)]
public sealed class EditModel(Shell shell, ManageThreads threads, ReadNews read, WriteNews write, IStringLocalizer<NewsStrings> s, IStringLocalizer<NewsPageStrings> p) : NewsPage
{
    public const string Save = "enregistrer";
    public const string Submit = "proposer";
    public const string Publish = "publier";

    [BindProperty(Name = "fil", SupportsGet = true)] public Guid? ThreadId { get; set; }
    [BindProperty(Name = "id", SupportsGet = true)] public Guid? ItemId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? PublishAt { get; set; }
    [BindProperty] public string? ExpireAt { get; set; }
    [BindProperty] public bool Headline { get; set; }
    [BindProperty(Name = "action")] public string? Action { get; set; }

    public ThreadSummary Thread { get; private set; } = null!;

    public ItemView? Item { get; private set; }

    public bool CanPublish => Thread.Rights.Publish;

    public bool IsPublished => Item?.Status is ItemStatus.Published or ItemStatus.Scheduled or ItemStatus.Expired;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Item is { } item)
        {
            (Title, Body, Headline) = (item.Title, item.Body, item.Headline);
            (PublishAt, ExpireAt) = (NewsDates.Input(item.PublishAt), NewsDates.Input(item.ExpireAt));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!NewsDates.TryParse(PublishAt, out var publishAt))
        {
            AddError(WriteNews.PublishAtField, [s["Item.Error.PublishAtInvalid"].Value]);
        }

        if (!NewsDates.TryParse(ExpireAt, out var expireAt))
        {
            AddError(WriteNews.ExpireAtField, [s["Item.Error.ExpireAtInvalid"].Value]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var me = View.User!;
        var form = new ItemForm(Title, Body, publishAt, expireAt, Headline);
        var saved = ItemId is { } id ? await write.UpdateAsync(me, id, form, ct) : await write.CreateAsync(me, Thread.Id, form, ct);
        if (!saved.Found)
        {
            return NotFound();
        }

        if (saved.Errors is { } errors)
        {
            AddErrors(errors, s);
            return Page();
        }

        var item = saved.Value!;
        ItemId = item.Id;
        var step = Action switch
        {
            Submit when item.State == NewsState.Draft => await write.SubmitAsync(me, item.Id, ct),
            Publish when item.State is NewsState.Draft or NewsState.Submitted => await write.PublishAsync(me, item.Id, ct),
            _ => saved,
        };
        if (step.Errors is { } stepErrors)
        {
            Item = await read.GetAsync(me, item.Id, ct);
            AddErrors(stepErrors, s);
            return Page();
        }

        return Redirect($"{NewsModule.Url}/{item.Id}");
    }

    public string Heading => Item is null ? p["Edit.NewTitle"].Value : p["Edit.Title"].Value;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (ItemId is { } id)
        {
            Item = await read.GetAsync(me, id, ct);
            if (Item is null || !Item.CanEdit)
            {
                return false;
            }

            ThreadId = Item.ThreadId;
        }

        if (ThreadId is not { } threadId || await threads.GetAsync(me, threadId, ct) is not { } thread || !(thread.Rights.Contrib || thread.Rights.Publish))
        {
            return false;
        }

        Thread = thread;
        return true;
    }
}
