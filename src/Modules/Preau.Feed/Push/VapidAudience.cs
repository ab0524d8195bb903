using System.Net.Http.Headers;
using Lib.Net.Http.WebPush.Authentication;

namespace Preau.Feed.Push;

/// <summary>
/// Signs a notification's VAPID token for the exact origin of its endpoint. The library writes
/// the audience as scheme and host only, which is the origin for the browsers' services (port
/// 443) but not for a push service on another port, which would refuse the token (RFC 8292: the
/// audience is the origin of the push resource).
/// </summary>
internal sealed class VapidAudience(VapidKeys keys) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsDefaultPort: false } uri && request.Headers.Authorization?.Scheme == "vapid")
        {
            var vapid = await keys.GetAsync(cancellationToken);
            using var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = vapid.Subject };
            request.Headers.Authorization = new AuthenticationHeaderValue("vapid",
                authentication.GetVapidSchemeAuthenticationHeaderValueParameter(uri.GetLeftPart(UriPartial.Authority)));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
