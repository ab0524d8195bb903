using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Homework.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.AFaire;

/// <summary>
/// "À faire" (/a-faire): a pupil's homework, day by day, each ticked done on the spot; a parent's,
/// one child at a time, switching between children (of any school) in one tap. Works without
/// JavaScript: ticking is a form.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class IndexModel(Shell shell, ToDo todo) : PageModel
{
    public ShellView View { get; private set; } = null!;

    /// <summary>The pupil's own list, or each child's.</summary>
    public IReadOnlyList<ToDoList> Lists { get; private set; } = [];

    public ToDoList? Shown { get; private set; }

    public bool IsPupil => View.User?.Profile == Profile.Student;

    [BindProperty(SupportsGet = true, Name = "enfant")]
    public Guid? Child { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        Lists = me.Profile switch
        {
            Profile.Student => [await todo.ForPupilAsync(me, ct)],
            Profile.Relative => await todo.ForChildrenAsync(me, ct),
            _ => [],
        };
        if (Lists.Count == 0 && me.Profile is not (Profile.Student or Profile.Relative))
        {
            // Teachers and the direction keep the books; the étude's animators their evening.
            return LocalRedirect(me.Profile == Profile.Periscolaire ? HomeworkModule.EtudeUrl : HomeworkModule.Url);
        }

        Shown = Lists.FirstOrDefault(l => l.PupilId == Child) ?? (Lists.Count > 0 ? Lists[0] : null);
        return Page();
    }

    /// <summary>A pupil ticks (or unticks) a homework; back to the same place in the list.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid homework, bool done, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = await todo.MarkAsync(View.User!, homework, done, ct);
        return outcome.Found ? LocalRedirect($"{HomeworkModule.ToDoUrl}#devoir-{homework}") : NotFound();
    }
}
