using Microsoft.AspNetCore.Http;

namespace Preau.Platform.Security;

/// <summary>
/// Proof that a form was posted by one of Préau's own pages without an antiforgery token: the
/// browser's <c>Sec-Fetch-Site: same-origin</c>, or an <c>Origin</c> header naming this very
/// site. Browsers send one or the other with every form post and a page of another site cannot
/// forge them. Used where a page must carry no token so that it can be cached for every visitor
/// (the language buttons of pages without an account); a request with neither is refused.
/// </summary>
public static class SameOrigin
{
    public static bool IsProven(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
