using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Preau.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Directory.Pages.Annuaire;

/// <summary>
/// The annuaire: a GET form that works without script; the module's script asks for the
/// results alone (<c>?handler=results</c>) as the person types.
/// </summary>
public sealed class IndexModel(CurrentUser currentUser, SearchDirectory search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Profile? Profile { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? School { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Class { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchDirectory.Filters Filters { get; private set; } = new([], [], []);

    public SearchDirectory.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        Filters = await search.FiltersAsync(me.Id, ct);
        Result = await search.HandleAsync(me.Id, SearchRequest(), ct);
    }

    public async Task<IActionResult> OnGetResultsAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        Result = await search.HandleAsync(me.Id, SearchRequest(), ct);
        return Partial("Annuaire/_Results", this);
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["profile"] = Profile?.ToString(),
            ["school"] = School?.ToString(),
            ["class"] = Class?.ToString(),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/annuaire", query.Where(kv => kv.Value is not null));
    }

    private SearchDirectory.Request SearchRequest() => new(Q, Profile, School, Class, PageNumber);
}
