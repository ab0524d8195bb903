using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features.Users;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Users;

/// <summary>A person's page: everything about the account, and the forms that change it (each one audited).</summary>
public sealed class DetailModel(
    CurrentUser currentUser, ViewUser view, PreauDbContext db, IStringLocalizer<AdminStrings> s,
    BlockUser block, RevokeSessions revoke, MoveUser move, LinkParent link, ChangeFunctions functions) : PageModel
{
    public ViewUser.Detail Person { get; private set; } = null!;

    public UserContext Me { get; private set; } = null!;

    /// <summary>This year's classes of the person's schools that the viewer holds (to move a pupil, to grant ClassAdmin).</summary>
    public IReadOnlyList<AdminPageHelpers.Choice> Classes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostBlockAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "blocked", me => block.BlockAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostUnblockAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "unblocked", me => block.UnblockAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostRevokeSessionAsync(Guid id, Guid sessionId, CancellationToken ct) =>
        ActAsync(id, "session-revoked", me => revoke.HandleAsync(me, id, sessionId, ct), ct);

    public Task<IActionResult> OnPostRevokeAllSessionsAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "sessions-revoked", me => revoke.HandleAsync(me, id, null, ct), ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid classId, CancellationToken ct) =>
        ActAsync(id, "moved", me => move.HandleAsync(me, id, classId, ct), ct);

    /// <summary>Links a child (on a parent's page) or a parent (on a pupil's page), found by login.</summary>
    public Task<IActionResult> OnPostLinkAsync(Guid id, string? login, CancellationToken ct) =>
        ActAsync(id, "linked", async me =>
        {
            var other = await OtherAsync(login, ct);
            if (other is null)
            {
                return Outcome.Invalid<Done>("Login", "Error.UnknownLogin");
            }

            var isParent = await db.Users.AnyAsync(u => u.Id == id && u.Profile == Profile.Relative, ct);
            return isParent ? await link.LinkAsync(me, id, other.Value, ct) : await link.LinkAsync(me, other.Value, id, ct);
        }, ct);

    public Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid parentId, Guid childId, CancellationToken ct) =>
        ActAsync(id, "unlinked", me => link.UnlinkAsync(me, parentId, childId, ct), ct);

    /// <summary>Grants a function; the choice reads "LocalAdmin:{structureId}" or "ClassAdmin:{classId}".</summary>
    public Task<IActionResult> OnPostGrantAsync(Guid id, string? grant, CancellationToken ct) =>
        ActAsync(id, "granted", me => functions.GrantAsync(me, id, ParseGrant(grant), ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, string? grant, CancellationToken ct) =>
        ActAsync(id, "revoked", me => functions.RevokeAsync(me, id, ParseGrant(grant), ct), ct);

    private static ChangeFunctions.Request ParseGrant(string? grant)
    {
        var parts = (grant ?? "").Split(':');
        var ok = parts.Length == 2 && Enum.TryParse<Function>(parts[0], out var function) && Guid.TryParse(parts[1], out _);
        if (!ok)
        {
            return new ChangeFunctions.Request(0, null, null);
        }

        var fn = Enum.Parse<Function>(parts[0]);
        var target = Guid.Parse(parts[1]);
        return fn == Function.ClassAdmin ? new(fn, null, target) : new(fn, target, null);
    }

    private async Task<Guid?> OtherAsync(string? login, CancellationToken ct)
    {
        var wanted = (login ?? "").Trim().ToLowerInvariant();
        return wanted.Length == 0 ? null : await db.Users.Where(u => u.Login == wanted).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<IActionResult> ActAsync<T>(Guid id, string done, Func<UserContext, Task<Outcome<T>>> act, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var outcome = await act(me);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Error = string.Join(" ", errors.Values.SelectMany(keys => keys).Select(key => s[key].Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return RedirectToPage(new { id, done });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        var detail = await view.HandleAsync(Me, id, ct);
        if (detail is null)
        {
            return false;
        }

        Person = detail;
        Classes = await AdminPageHelpers.ClassChoicesAsync(db, [.. detail.Structures.Where(x => x.Administered).Select(x => x.Id)], ct);
        return true;
    }
}
