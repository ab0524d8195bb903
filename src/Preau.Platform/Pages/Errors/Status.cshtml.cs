using System.Diagnostics;
using System.Globalization;
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

    public void OnGet(int? code) => Show(code);

    // A POST re-executed here keeps the failed request's features, a failed antiforgery check
    // among them: binding a parameter would read the form, which then throws. The code comes
    // from the route instead, so the page binds nothing.
    public void OnPost() =>
        Show(int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null);

    private void Show(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Code = code is >= 400 and < 600 ? code.Value : failed ? 500 : 404;
        // Shown on 5xx pages so that a support call can find the log entry.
        TraceId = Code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        // Reached directly, the page itself answers with the code it shows.
        Response.StatusCode = Code;
    }
}
