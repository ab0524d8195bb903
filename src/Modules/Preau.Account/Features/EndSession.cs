using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>Ends this browser's session on the server, then drops its cookie.</summary>
public sealed class EndSession(Sessions sessions)
{
    public async Task HandleAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.GetSessionId() is { } sessionId)
        {
            await sessions.EndAsync(sessionId, ct);
        }

        await http.SignOutAsync(PreauClaims.Scheme);
    }
}
