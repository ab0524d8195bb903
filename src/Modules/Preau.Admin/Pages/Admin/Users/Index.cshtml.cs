using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Features.Users;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Users;

public sealed class IndexModel(CurrentUser currentUser, SearchUsers search, PreauDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? StructureId { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public Guid? ClassId { get; set; }

    [BindProperty(SupportsGet = true, Name = "profile")]
    public Profile? Profile { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public UserStateFilter? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchUsers.Result Result { get; private set; } = null!;

    public IReadOnlyList<AdminPageHelpers.Choice> Structures { get; private set; } = [];

    public IReadOnlyList<AdminPageHelpers.Choice> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var result = await search.HandleAsync(me, new SearchUsers.Query(StructureId, ClassId, Profile, State, Text, PageNumber), ct);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        Structures = await AdminPageHelpers.StructureChoicesAsync(db, me, ct);
        var classSchools = StructureId is { } sid ? [sid] : Structures.Count == 1 ? [Structures[0].Id] : new List<Guid>();
        Classes = classSchools.Count == 0 ? [] : await AdminPageHelpers.ClassChoicesAsync(db, classSchools, ct);
        return Page();
    }

    /// <summary>This list's address with the same filters, on another page.</summary>
    public string PageUrl(int page)
    {
        var query = new QueryBuilder();
        void Add(string key, object? value)
        {
            if (value is not null && !string.IsNullOrEmpty(value.ToString()))
            {
                query.Add(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        Add("q", Text);
        Add("structure", StructureId);
        Add("class", ClassId);
        Add("profile", Profile);
        Add("state", State);
        Add("page", page);
        return "/admin/users" + query.ToQueryString();
    }
}
