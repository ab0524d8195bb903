using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Communication;
using Preau.Admin.Communication.Features;
using Preau.Admin.Communication.Resources;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Structures;

/// <summary>
/// Who may write to whom in a school: the matrix of the school's groups, the same for one class,
/// each group's member settings, the direct parent–child links, links with other structures
/// (SuperAdmin) and the way back to the defaults. Plain forms; a sensitive link or the reset
/// first shows a confirmation with its warning.
/// </summary>
public sealed class CommunicationModel(CurrentUser currentUser, ViewRules view, RulesEditor editor, IStringLocalizer<CommunicationStrings> c) : PageModel
{
    /// <summary>A change waiting for the administrator's confirmation: the form to post again with confirm=true.</summary>
    public sealed record Confirmation(string Title, string Warning, string Handler, IReadOnlyList<KeyValuePair<string, string>> Fields);

    public ViewRules.Rules Rules { get; private set; } = null!;

    /// <summary>The class whose matrix is shown.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ClassId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The section the last change was made in, where its message shows.</summary>
    [BindProperty(SupportsGet = true)]
    public string? At { get; set; }

    /// <summary>The other structure's UAI, for the SuperAdmin's link across structures.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Uai { get; set; }

    public ViewRules.ClassInfo? Class { get; private set; }

    public (ViewRules.StructureInfo Structure, IReadOnlyList<ViewRules.GroupInfo> Groups)? Other { get; private set; }

    public bool IsSuperAdmin { get; private set; }

    public Confirmation? Pending { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid from, Guid to, bool open, bool confirm, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var edit = open
            ? await editor.AddLinkAsync(me, id, from, to, confirm, ct)
            : await editor.RemoveLinkAsync(me, id, from, to, ct);
        return await AfterAsync(id, edit, open ? "opened" : "closed", "Link",
            [new("from", from.ToString()), new("to", to.ToString()), new("open", "true")], ct);
    }

    // result: what the button said it does, "opened" or "closed" for a cell of the diagonal, else a setting.
    public async Task<IActionResult> OnPostMembersAsync(Guid id, Guid group, bool speak, bool reachable, bool @internal, bool confirm, string? result, CancellationToken ct)
    {
        var flags = new ViewRules.MemberFlags(speak, reachable, @internal);
        var edit = await editor.SetMembersAsync(await currentUser.RequireAsync(ct), id, group, flags.ToReach(), confirm, ct);
        var done = result is "opened" or "closed" ? result : "members";
        return await AfterAsync(id, edit, done, "Members",
            [new("group", group.ToString()), new("speak", Bool(speak)), new("reachable", Bool(reachable)), new("internal", Bool(@internal)), new("result", done)], ct);
    }

    public async Task<IActionResult> OnPostDirectAsync(Guid id, bool relativesReachChildren, bool childrenReachRelatives, CancellationToken ct) =>
        await AfterAsync(id, await editor.SetDirectAsync(await currentUser.RequireAsync(ct), id, relativesReachChildren, childrenReachRelatives, ct), "direct", "Direct", [], ct);

    public async Task<IActionResult> OnPostResetAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Pending = new Confirmation(c["Reset.Title"], c["Reset.Warning"], "Reset", []);
            return Page();
        }

        return await AfterAsync(id, await editor.ResetAsync(await currentUser.RequireAsync(ct), id, ct), "reset", "Reset", [], ct);
    }

    /// <summary>The address of this page with the class and UAI kept, for links and redirects.</summary>
    public string Here(string? done = null, string? at = null, Guid? classId = null)
    {
        var query = new List<string>();
        if ((classId ?? ClassId) is { } cls)
        {
            query.Add("classId=" + cls.ToString());
        }

        if (!string.IsNullOrWhiteSpace(Uai))
        {
            query.Add("uai=" + Uri.EscapeDataString(Uai.Trim()));
        }

        if (done is not null)
        {
            query.Add("done=" + done);
            query.Add("at=" + at);
        }

        return $"/admin/structures/{Rules?.Structure.Id ?? Guid.Empty}/communication" + (query.Count > 0 ? "?" + string.Join("&", query) : "")
            + (at is not null ? "#" + at : "");
    }

    private async Task<IActionResult> AfterAsync(Guid id, RulesEdit edit, string done, string handler, List<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        if (edit.Status == RulesEditStatus.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        switch (edit.Status)
        {
            case RulesEditStatus.Done:
                return Redirect(Here(done, At is "school" or "class" or "groups" or "direct" or "cross" ? At : "top"));
            case RulesEditStatus.NeedsConfirmation:
                fields.Add(new("at", At ?? ""));
                Pending = new Confirmation(c["Confirm.Title"],
                    RulesWording.Warning(c, Rules.Structure.Type.Degree(), edit.Warning!, Rules.Classes.ToDictionary(x => x.Id, x => x.Name)), handler, fields);
                return Page();
            case RulesEditStatus.SuperAdminOnly:
                Error = c["Refused.SuperAdminOnly"];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                Error = c["Refused.Invalid"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var rules = await view.HandleAsync(me, id, ct);
        if (rules is null)
        {
            return false;
        }

        Rules = rules;
        IsSuperAdmin = me.IsSuperAdmin;
        Class = rules.Classes.FirstOrDefault(x => x.Id == ClassId) ?? (rules.Classes.Count > 0 ? rules.Classes[0] : null);
        ClassId = Class?.Id;
        Other = await view.OtherStructureAsync(me, Uai, ct);
        return true;
    }

    private static string Bool(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
