using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Pages.Account;

public sealed class IndexModel(CurrentUser currentUser, PreauDbContext db) : PageModel
{
    public UserContext Me { get; private set; } = null!;

    public string? Email { get; private set; }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        Email = await db.Users.AsNoTracking().Where(u => u.Id == Me.Id).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return Page();
    }
}
