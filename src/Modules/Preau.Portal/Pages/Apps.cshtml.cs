using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Modules;
using Preau.Platform.Theming;

namespace Preau.Portal.Pages;

/// <summary>"Mes applis": every app the person may use.</summary>
public sealed class AppsModel(Shell shell) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<UserApp> Apps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Apps = await shell.AppsForAsync(View.User!, ct);
    }
}
