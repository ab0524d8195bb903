using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.News.Features.Threads;
using Preau.News.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>
/// Starting a thread (/actualites/nouveau-fil): for the school shown (its staff), for one of one's
/// classes, or for chosen people (the share dialog opens next).
/// </summary>
[RequireAppRight(NewsModule.CreateRight)]
public sealed class NewThreadModel(Shell shell, ManageThreads threads, IStringLocalizer<NewsStrings> s) : NewsPage, IThreadFields
{
    public const string School = "ecole";
    public const string Custom = "choisis";

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Color { get; set; } = "blue";
    [BindProperty] public bool CommentsEnabled { get; set; } = true;
    [BindProperty] public bool CommentsModerated { get; set; }

    /// <summary><see cref="School"/>, <see cref="Custom"/> or a class's id.</summary>
    [BindProperty] public string? Audience { get; set; }

    public StructureRef? SchoolShown { get; private set; }

    public IReadOnlyList<ClassRef> Classes { get; private set; } = [];

    public bool CanSchool => SchoolShown is not null && View.User!.Profile is Profile.Personnel or Profile.Teacher;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Audience ??= CanSchool && View.User!.Profile == Profile.Personnel ? School : Classes.Count > 0 ? Classes[0].Id.ToString() : Custom;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var me = View.User!;
        Guid? classId = Guid.TryParse(Audience, out var id) ? id : null;
        var outcome = await threads.CreateAsync(me, SchoolShown?.Id ?? Guid.Empty, Audience == School, classId,
            new ThreadForm(Title, Color, CommentsEnabled, CommentsModerated), ct);
        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, s);
            return Page();
        }

        var thread = outcome.Value!;
        return thread.Scope == Domain.ThreadScope.Custom
            ? Redirect($"/partage/{Authorization.NewsAccess.ThreadType}/{thread.Id}?back={Uri.EscapeDataString($"{NewsModule.Url}/fils/{thread.Id}")}")
            : Redirect($"{NewsModule.Url}/fils/{thread.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        SchoolShown = View.School;
        Classes = SchoolShown is null ? [] : [.. View.User!.Classes.Where(c => c.StructureId == SchoolShown.Id)];
    }
}
