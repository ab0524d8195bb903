using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Documents.Features.Sharing;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents.Partages;

/// <summary>"Partagés avec moi": the folders and documents others shared with the person, with their owner and the right held.</summary>
[RequireAppRight(DocumentsModule.AccessRight)]
public sealed class IndexModel(Shell shell, SharedWithMe shared) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<SharedItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Items = await shared.ListAsync(View.User!, ct);
        return Page();
    }
}
