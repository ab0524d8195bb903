using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preau.Portal.Pages;

/// <summary>Help, privacy and accessibility notes: open to everyone, signed in or not.</summary>
[AllowAnonymous]
public sealed class HelpModel : PageModel
{
}
