using Microsoft.AspNetCore.Http;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;

namespace Preau.Platform.Security;

/// <summary>
/// The signed-in person for this request, loaded once and shared by the layout, the page and
/// the API. The current school is the one the person chose with the school switcher (a cookie),
/// when it is one of theirs.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, LoadUserContext loader)
{
    public const string SchoolCookie = "preau-school";

    private Task<UserContext?>? _context;

    public Task<UserContext?> GetAsync(CancellationToken ct = default)
    {
        var http = accessor.HttpContext;
        var id = http?.User.GetUserId();
        if (id is null)
        {
            return Task.FromResult<UserContext?>(null);
        }

        return _context ??= loader.LoadAsync(id.Value, ct);
    }

    public async Task<UserContext> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("This use case needs a signed-in person.");

    public StructureRef? CurrentStructure(UserContext user)
    {
        var raw = accessor.HttpContext?.Request.Cookies[SchoolCookie];
        return user.CurrentStructure(Guid.TryParse(raw, out var chosen) ? chosen : null);
    }
}
