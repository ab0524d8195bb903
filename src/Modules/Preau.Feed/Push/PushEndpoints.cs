using System.Net;

namespace Preau.Feed.Push;

/// <summary>
/// Which device endpoints the server agrees to call: https on a known push service (the server
/// must never be made to post to an address of a person's choosing), or http on loopback when
/// the settings allow it for tests and development.
/// </summary>
internal static class PushEndpoints
{
    public const int MaxLength = 1000;

    public static bool IsAccepted(string? endpoint, PushOptions options)
    {
        if (string.IsNullOrEmpty(endpoint) || endpoint.Length > MaxLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (options.AllowLoopback && uri.IsLoopback && IPAddress.TryParse(uri.Host, out _)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        return uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && uri.HostNameType == UriHostNameType.Dns
            && options.Hosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase)
                || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
    }
}
