using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Feed.Push;
using Preau.Platform.Security;

namespace Preau.Feed.Pages.Push;

/// <summary>
/// "Notifications sur cet appareil": turning push on or off for this browser (a script, since
/// only the browser can subscribe) and the list of the person's devices, removable without script.
/// </summary>
public sealed class DeviceModel(MyDevices devices) : PageModel
{
    public IReadOnlyList<PushDeviceView> Devices { get; private set; } = [];

    /// <summary>What was just done: "on", "off" or "removed".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Devices = await devices.ListAsync(Me, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid device, CancellationToken ct) =>
        await devices.RemoveAsync(Me, device, ct) ? RedirectToPage(new { done = "removed" }) : NotFound();

    private Guid Me => User.GetUserId() ?? throw new InvalidOperationException("The page needs a signed-in person.");
}
