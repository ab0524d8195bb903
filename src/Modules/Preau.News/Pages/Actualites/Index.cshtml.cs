using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.News.Features.Threads;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>The threads one owns or reads (/actualites), with a way to start one for those who hold news.create.</summary>
[RequireAppRight(NewsModule.AccessRight)]
public sealed class IndexModel(Shell shell, ManageThreads threads, AppRights rights) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Threads = await threads.ListAsync(View.User!, ct);
        CanCreate = await rights.HoldsAsync(View.User!, NewsModule.CreateRight, ct);
        return Page();
    }
}
