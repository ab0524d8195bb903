using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Features.Safety;
using Preau.Messaging.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Messaging.Pages.Messagerie.Admin;

/// <summary>
/// "Messagerie — règles d'envoi": each profile of the school with its sending switch and quiet
/// hours, one form; and the incident button that turns sending off for pupils and parents at once.
/// </summary>
public sealed class RulesModel(CurrentUser currentUser, ManagePolicies policies, IStringLocalizer<SafetyStrings> s) : PageModel
{
    public sealed class Row
    {
        public Profile Profile { get; set; }
        public bool Enabled { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public ManagePolicies.Policies Policies { get; private set; } = null!;

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The profile whose rule was refused, and why.</summary>
    public Profile? ErrorProfile { get; private set; }

    public string? Error { get; private set; }

    public static string PageUrl(Guid structureId) => $"/admin/structures/{structureId}/messagerie";

    public async Task<IActionResult> OnGetAsync(Guid structureId, CancellationToken ct)
    {
        var view = await policies.ViewAsync(await currentUser.RequireAsync(ct), structureId, ct);
        if (!view.Found)
        {
            return NotFound();
        }

        Show(view.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid structureId, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var inputs = new List<ManagePolicies.PolicyInput>();
        foreach (var row in Rows)
        {
            if (!Time(row.From, out var from) || !Time(row.To, out var to))
            {
                return await RefusedAsync(me, structureId, row.Profile, "Safety.Error.Time", ct);
            }

            inputs.Add(new ManagePolicies.PolicyInput(row.Profile, row.Enabled, from, to));
        }

        var saved = await policies.SaveAsync(me, structureId, inputs, ct);
        if (!saved.Found)
        {
            return NotFound();
        }

        if (saved.Errors is { } errors)
        {
            var (field, keys) = errors.First();
            return await RefusedAsync(me, structureId, Enum.TryParse<Profile>(field, out var p) ? p : null, keys[0], ct);
        }

        return Redirect(PageUrl(structureId) + "?done=saved");
    }

    public async Task<IActionResult> OnPostIncidentAsync(Guid structureId, CancellationToken ct) =>
        (await policies.IncidentAsync(await currentUser.RequireAsync(ct), structureId, ct)).Found
            ? Redirect(PageUrl(structureId) + "?done=incident")
            : NotFound();

    /// <summary>"Les élèves ne pourront pas envoyer de message entre 20:00 et 07:00. Ils pourront toujours lire."</summary>
    public string Explain(ManagePolicies.ProfilePolicy p)
    {
        var who = s["Who." + p.Profile];
        return !p.SendingEnabled ? s["Explain.Off", who]
            : p.HasQuietHours ? s["Explain.Quiet", who, Clock(p.QuietFrom), Clock(p.QuietTo)]
            : s["Explain.Open", who];
    }

    public static string Clock(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    private async Task<IActionResult> RefusedAsync(UserContext me, Guid structureId, Profile? profile, string key, CancellationToken ct)
    {
        var view = await policies.ViewAsync(me, structureId, ct);
        if (!view.Found)
        {
            return NotFound();
        }

        // The page shows what was typed, with the reason beside the profile it concerns.
        Policies = view.Value! with
        {
            Items = [.. view.Value!.Items.Select(i => Rows.FirstOrDefault(r => r.Profile == i.Profile) is { } r
                ? i with { SendingEnabled = r.Enabled, QuietFrom = Time(r.From, out var f) ? f : null, QuietTo = Time(r.To, out var t) ? t : null }
                : i)],
        };
        ErrorProfile = profile;
        Error = s[key];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Show(ManagePolicies.Policies view) => Policies = view;

    private static bool Time(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
