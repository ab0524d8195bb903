using Microsoft.AspNetCore.Http;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>Chooses which of the person's schools the shell shows; a school that is not theirs is ignored.</summary>
public sealed class SwitchSchool(CurrentUser currentUser)
{
    public async Task<bool> HandleAsync(Guid structureId, HttpContext http, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user is null || !user.Structures.Any(s => s.Id == structureId))
        {
            return false;
        }

        http.Response.Cookies.Append(CurrentUser.SchoolCookie, structureId.ToString(), LoopbackAwareCookieBuilder.Preference(http));
        return true;
    }
}
