using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features.Users;
using Preau.Admin.Resources;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Users;

public sealed class EditModel(CurrentUser currentUser, ViewUser view, UpdateUser update, IStringLocalizer<AdminStrings> s) : PageModel
{
    public sealed class Fields
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? BirthDate { get; set; }

        public string? ExternalId { get; set; }
    }

    [BindProperty]
    public Fields Input { get; set; } = new();

    public ViewUser.Detail Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new Fields
        {
            FirstName = Person.FirstName, LastName = Person.LastName, Email = Person.Email, Phone = Person.Phone, BirthDate = Person.BirthDate, ExternalId = Person.ExternalId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var outcome = await update.HandleAsync(me, id, new UpdateUser.Request(Input.FirstName, Input.LastName, Input.Email, Input.Phone, Input.BirthDate, Input.ExternalId), ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            ModelState.AddErrors(errors, s);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/admin/users/{id}?done=saved");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct);
        Person = detail!;
        return detail is not null;
    }
}
