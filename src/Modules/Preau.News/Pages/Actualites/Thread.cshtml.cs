using Microsoft.AspNetCore.Mvc;
using Preau.News.Features.Items;
using Preau.News.Features.Threads;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>A thread's items, newest first (/actualites/fils/{id}); 404 for whoever may not read it.</summary>
[RequireAppRight(NewsModule.AccessRight)]
public sealed class ThreadModel(Shell shell, ManageThreads threads, ReadNews read) : NewsPage
{
    public ThreadSummary Thread { get; private set; } = null!;

    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (await threads.GetAsync(me, id, ct) is not { } thread || await read.ListAsync(me, id, ct) is not { } items)
        {
            return NotFound();
        }

        (Thread, Items) = (thread, items);
        return Page();
    }
}
