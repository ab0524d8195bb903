using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features.Users;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Users;

/// <summary>
/// Creates an account by hand. The school comes first (chosen, or the only one held); on
/// success the page shows the login and activation code once, with the way to the person's page
/// and to their connection sheet.
/// </summary>
public sealed class NewModel(CurrentUser currentUser, CreateUser create, PreauDbContext db, IStringLocalizer<AdminStrings> s) : PageModel
{
    public sealed class Fields
    {
        public Profile Profile { get; set; } = Profile.Student;
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? BirthDate { get; set; }

        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? ExternalId { get; set; }
        public Guid? ClassId { get; set; }
        public string? ChildLogin { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? StructureId { get; set; }

    [BindProperty]
    public Fields Input { get; set; } = new();

    public IReadOnlyList<AdminPageHelpers.Choice> Structures { get; private set; } = [];

    public IReadOnlyList<AdminPageHelpers.Choice> Classes { get; private set; } = [];

    public AdminPageHelpers.Choice? Structure { get; private set; }

    public CreateUser.Created? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Structure is null)
        {
            return NotFound();
        }

        // An unknown login becomes an id that matches nobody: the use case refuses it with the other fields' errors.
        Guid? childId = null;
        if (!string.IsNullOrWhiteSpace(Input.ChildLogin))
        {
            var login = Input.ChildLogin.Trim().ToLowerInvariant();
            childId = await db.Users.Where(u => u.Login == login).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        }

        var me = await currentUser.RequireAsync(ct);
        var outcome = await create.HandleAsync(me, new CreateUser.Request(
            Structure.Id, Input.Profile, Input.FirstName, Input.LastName, Input.BirthDate, Input.Email, Input.Phone,
            Input.Profile == Profile.Relative ? null : Input.ClassId, childId, Input.ExternalId), ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is null)
        {
            Created = outcome.Value;
            // The code is shown this once: the page must not be kept by a shared computer's cache.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }

        var problems = outcome.Errors.ToDictionary(e => e.Key == "ChildId" ? "ChildLogin" : e.Key, e => e.Value, StringComparer.Ordinal);
        ModelState.AddErrors(problems, s);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        if (!Authorization.AdminScope.AdministersAnyStructure(me))
        {
            return false;
        }

        Structures = await AdminPageHelpers.StructureChoicesAsync(db, me, ct);
        StructureId ??= Structures.Count == 1 ? Structures[0].Id : null;
        if (StructureId is { } sid)
        {
            Structure = Structures.FirstOrDefault(x => x.Id == sid);
            if (Structure is null)
            {
                return false;
            }

            Classes = await AdminPageHelpers.ClassChoicesAsync(db, [sid], ct);
        }

        return true;
    }
}
