using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Theming;

namespace Preau.Portal.Pages;

/// <summary>The home page: who I am, my children or classes, my apps, and what's new.</summary>
public sealed class IndexModel(Shell shell) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<UserApp> Apps { get; private set; } = [];

    /// <summary>The person's classes in the school shown now.</summary>
    public IReadOnlyList<ClassRef> ClassesHere { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        Apps = await shell.AppsForAsync(me, ct);
        ClassesHere = [.. me.Classes.Where(c => c.StructureId == View.School?.Id)];
    }
}
