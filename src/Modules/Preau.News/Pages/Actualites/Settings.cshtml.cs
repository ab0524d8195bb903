using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.News.Authorization;
using Preau.News.Features.Threads;
using Preau.News.Resources;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>A thread's settings and the way to its shares (/actualites/fils/{id}/reglages): its owner and managers; 404 for anyone else.</summary>
[RequireAppRight(NewsModule.AccessRight)]
public sealed class SettingsModel(Shell shell, ManageThreads threads, IStringLocalizer<NewsStrings> s) : NewsPage, IThreadFields
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Color { get; set; }
    [BindProperty] public bool CommentsEnabled { get; set; }
    [BindProperty] public bool CommentsModerated { get; set; }

    public Guid Id { get; private set; }

    public bool Saved { get; private set; }

    public string ShareUrl => $"/partage/{NewsAccess.ThreadType}/{Id}?back={Uri.EscapeDataString($"{NewsModule.Url}/fils/{Id}/reglages")}";

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "enregistre")] bool saved, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (await threads.GetAsync(View.User!, id, ct) is not { Rights.Manage: true } thread)
        {
            return NotFound();
        }

        (Id, Title, Color, CommentsEnabled, CommentsModerated, Saved) = (id, thread.Title, thread.Color, thread.CommentsEnabled, thread.CommentsModerated, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Id = id;
        var outcome = await threads.UpdateAsync(View.User!, id, new ThreadForm(Title, Color, CommentsEnabled, CommentsModerated), ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, s);
            return Page();
        }

        return Redirect($"{NewsModule.Url}/fils/{id}/reglages?enregistre=true");
    }
}
