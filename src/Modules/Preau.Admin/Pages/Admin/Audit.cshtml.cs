using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Admin.Features.Audit;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

public sealed class AuditModel(CurrentUser currentUser, SearchAudit search, PreauDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? StructureId { get; set; }

    [BindProperty(SupportsGet = true, Name = "person")]
    public Guid? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchAudit.Result Result { get; private set; } = null!;

    public IReadOnlyList<AdminPageHelpers.Choice> Structures { get; private set; } = [];

    public string? PersonName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var result = await search.HandleAsync(me, new SearchAudit.Query(StructureId, PersonId, ActionCode, From, To, PageNumber), ct);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        Structures = await AdminPageHelpers.StructureChoicesAsync(db, me, ct);
        if (PersonId is { } person)
        {
            PersonName = await db.Users.Where(u => u.Id == person).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        return Page();
    }

    public string PageUrlWithoutPerson()
    {
        var person = PersonId;
        PersonId = null;
        var url = PageUrl(1);
        PersonId = person;
        return url;
    }

    public string PageUrl(int page)
    {
        var query = new QueryBuilder();
        if (StructureId is { } s) { query.Add("structure", s.ToString()); }
        if (PersonId is { } p) { query.Add("person", p.ToString()); }
        if (!string.IsNullOrEmpty(ActionCode)) { query.Add("action", ActionCode); }
        if (From is { } f) { query.Add("from", f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); }
        if (To is { } t) { query.Add("to", t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); }
        query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/audit" + query.ToQueryString();
    }
}
