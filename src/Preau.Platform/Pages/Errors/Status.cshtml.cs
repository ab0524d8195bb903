using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preau.Platform.Pages.Errors;

/// <summary>
/// The friendly page behind every error status: re-executed by the status-code and exception
/// middleware, so the URL the person typed stays in the address bar.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string? TraceId { get; private set; }

    // The handlers take no parameters and the model binds nothing: a failed form post is
    // re-executed here as a POST, and reading its form again would throw once more.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Code = code is >= 400 and < 600 ? code.Value : failed ? 500 : 404;
        // Shown on 5xx pages so that a support call can find the log entry.
        TraceId = Code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        // Reached directly, the page itself answers with the code it shows.
        Response.StatusCode = Code;
    }
}
