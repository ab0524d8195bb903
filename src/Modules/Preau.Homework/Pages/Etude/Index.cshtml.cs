using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Homework.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.Etude;

/// <summary>
/// The étude's evening (/etude): for each group the périscolaire animator takes, its pupils and
/// the homework they have for the next school day, read-only, to help them with it.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class IndexModel(Shell shell, Features.Etude etude) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<EtudeEvening> Evenings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (View.User!.Profile != Profile.Periscolaire)
        {
            return NotFound();
        }

        Evenings = await etude.EveningAsync(View.User, null, ct);
        return Page();
    }
}
