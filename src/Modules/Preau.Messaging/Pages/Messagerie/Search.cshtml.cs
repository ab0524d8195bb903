using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Features.Search;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie;

/// <summary>Search in one's messages (the trash apart): a GET form, results by page numbers (<c>?q=…&amp;page=2</c>).</summary>
[RequireAppRight(MessagingModule.AccessRight)]
public sealed class SearchModel(Shell shell, SearchMessages search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ShellView View { get; private set; } = null!;

    public SearchPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Results = await search.HandleAsync(View.User!, Query, PageNumber, ct);
    }

    public string PageUrl(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/messagerie/recherche",
        new Dictionary<string, string?>(StringComparer.Ordinal) { ["q"] = Results.Query, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
