using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Flash.Features;
using Preau.Admin.Flash.Resources;
using Preau.Platform.Flash;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Flash;

/// <summary>
/// The form of a flash message, shared by "new" and "edit": French first, English optional,
/// the level, start and end as Paris times, the profiles and the structures; a preview draws the
/// banners as people will see them, in French and in English.
/// </summary>
public abstract class FlashFormModel(CurrentUser currentUser, ManageFlashMessages manage, TimeProvider clock, IStringLocalizer<FlashAdminStrings> f) : PageModel
{
    protected CurrentUser CurrentUser { get; } = currentUser;

    protected ManageFlashMessages Manage { get; } = manage;

    [BindProperty]
    public string? TitleFr { get; set; }

    [BindProperty]
    public string? TextFr { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    [BindProperty]
    public FlashLevel Level { get; set; }

    /// <summary>Europe/Paris local time, as a datetime-local field gives it.</summary>
    [BindProperty]
    public DateTime? StartsAt { get; set; }

    [BindProperty]
    public DateTime? EndsAt { get; set; }

    [BindProperty]
    public List<Profile> Profiles { get; set; } = [];

    [BindProperty]
    public bool AllStructures { get; set; }

    [BindProperty]
    public List<Guid> StructureIds { get; set; } = [];

    public IReadOnlyList<ManageFlashMessages.Target> Structures { get; private set; } = [];

    public bool IsSuperAdmin { get; private set; }

    /// <summary>The banners drawn by "preview", French then English.</summary>
    public IReadOnlyList<FlashNotice> Preview { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Error(string field) => Errors.TryGetValue(field, out var keys) ? string.Join(" ", keys.Select(k => f[k].Value)) : null;

    public static string Local(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Loads the administrator's structures; false for someone who administers nothing (404).</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await CurrentUser.RequireAsync(ct);
        Structures = await Manage.StructuresAsync(me, ct);
        IsSuperAdmin = me.IsSuperAdmin;
        return Structures.Count > 0;
    }

    /// <summary>A new message's defaults: information, from now (to the minute) for a day, to everyone of the administrator's only school.</summary>
    protected void Defaults()
    {
        var now = SchoolTime.ToParis(clock.GetUtcNow()).DateTime;
        StartsAt = now.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond);
        EndsAt = StartsAt.Value.AddDays(1);
        Profiles = [.. Enum.GetValues<Profile>()];
        if (!IsSuperAdmin && Structures.Count == 1)
        {
            StructureIds = [Structures[0].Id];
        }
    }

    protected void Fill(ManageFlashMessages.Message message)
    {
        (TitleFr, TextFr, TitleEn, TextEn, Level) = (message.TitleFr, message.TextFr, message.TitleEn, message.TextEn, message.Level);
        StartsAt = SchoolTime.ToParis(message.StartsAt).DateTime;
        EndsAt = SchoolTime.ToParis(message.EndsAt).DateTime;
        Profiles = [.. message.Profiles];
        AllStructures = message.AllStructures;
        StructureIds = [.. message.Structures.Select(s => s.Id)];
    }

    protected ManageFlashMessages.Draft Draft() =>
        new(TitleFr, TextFr, TitleEn, TextEn, Level, Instant(StartsAt), Instant(EndsAt), Profiles, AllStructures && IsSuperAdmin, StructureIds);

    protected async Task<IActionResult> PreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var draft = Draft();
        var entry = new FlashCache.Entry(Guid.Empty, Level, TitleFr ?? "", TextFr ?? "", TitleEn, TextEn,
            draft.StartsAt ?? clock.GetUtcNow(), draft.EndsAt ?? clock.GetUtcNow(), FlashProfiles.Of(Profiles));
        Preview = string.IsNullOrWhiteSpace(TitleEn) ? [entry.In("fr")] : [entry.In("fr"), entry.In("en")];
        return Page();
    }

    /// <summary>After a save: back to the list, or the form again with the reasons (400).</summary>
    protected async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, string done, CancellationToken ct)
    {
        if (!outcome.Found || !await LoadAsync(ct))
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/admin/flash?done=" + done);
    }

    private static DateTimeOffset? Instant(DateTime? paris) =>
        paris is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), SchoolTime.Zone.GetUtcOffset(local)) : null;
}
