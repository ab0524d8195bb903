using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>
/// The books (/cahier-de-textes): a teacher's own, to write in, and a new one opened for a class or
/// a teaching group and a subject (an école's class diary needs no subject); the books a person
/// reads (the other teachers' of their classes, the school's for the direction and an invited
/// inspector). Pupils and parents have "À faire", the étude's animators their evening.
/// </summary>
[RequireAppRight(HomeworkModule.AccessRight)]
public sealed class IndexModel(Shell shell, ManageBooks books, HomeworkAccess access, IStringLocalizer<HomeworkStrings> s) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<BookLine> Books { get; private set; } = [];

    public IReadOnlyList<BookPlace> Places { get; private set; } = [];

    /// <summary>The schools whose inspectors this person invites (their direction).</summary>
    public IReadOnlyList<StructureRef> Directed { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    /// <summary>"c:{classId}" or "g:{groupId}".</summary>
    [BindProperty] public string? Place { get; set; }

    [BindProperty] public string? Subject { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        return View.User!.Profile switch
        {
            Profile.Student or Profile.Relative => LocalRedirect(HomeworkModule.ToDoUrl),
            Profile.Periscolaire => LocalRedirect(HomeworkModule.EtudeUrl),
            _ => await ShowAsync(ct),
        };
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var (classId, groupId) = ParsePlace(Place);
        if (classId is null && groupId is null)
        {
            Errors.Add("Place", [s["Error.PlaceRequired"].Value]);
            return await ShowAsync(ct);
        }

        var opened = await books.OpenAsync(View.User!, classId, groupId, Subject, ct);
        if (opened.Errors is { } errors)
        {
            Errors.AddAll(errors, s);
            return await ShowAsync(ct);
        }

        return opened.Found ? LocalRedirect(BookLinks.Book(opened.Value!.Id)) : NotFound();
    }

    public static string PlaceValue(BookPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.GroupId is { } g ? $"g:{g}" : $"c:{place.ClassId}";
    }

    private static (Guid? Class, Guid? Group) ParsePlace(string? value) =>
        value is { Length: > 2 } && Guid.TryParse(value[2..], out var id) ? value[0] switch
        {
            'c' => (id, null),
            'g' => (null, id),
            _ => (null, null),
        } : (null, null);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = View.User!;
        Books = await books.MineAsync(me, access, ct);
        Places = await books.PlacesAsync(me, ct);
        Directed = [.. me.Structures.Where(x => me.IsLocalAdminOf(x.Id))];
        return Page();
    }
}
