using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Homework.Features;
using Preau.Platform.Forms;
using Preau.Platform.Kernel;
using Preau.Platform.Theming;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>
/// What the lesson and homework forms share: the book written in (its writers only: anyone else
/// gets 404), the writer's other books to write the same entry in at once, the refusals by field.
/// </summary>
public abstract class EntryFormPage(Shell shell, ManageBooks books, HomeworkAccess access) : PageModel
{
    [FromRoute(Name = "bookId")] public Guid BookId { get; set; }

    /// <summary>The entry changed; none for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "id")] public Guid? EntryId { get; set; }

    /// <summary>The other books to write a new entry in too ("5e A" beside "5e B").</summary>
    [BindProperty(Name = "aussi")] public List<Guid> AlsoIn { get; set; } = [];

    public ShellView View { get; private set; } = null!;

    public BookView Book { get; private set; } = null!;

    public IReadOnlyList<BookLine> OtherBooks { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public bool IsDiary => Book.Book.Kind == Domain.BookKind.ClassDiary;

    protected UserContext Me => View.User!;

    /// <summary>Loads the book for its writer; false (404) for anyone else.</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (await access.FindAsync(Me, BookId, ct) is not { CanWrite: true } view)
        {
            return false;
        }

        Book = view;
        OtherBooks = [.. (await books.MineAsync(Me, access, ct)).Where(b => b.CanWrite && b.Id != BookId)];
        return true;
    }

    /// <summary>Back to the week of the entry, on the entry.</summary>
    protected IActionResult BackTo(DateOnly day, string anchor) =>
        LocalRedirect($"{BookLinks.Week(BookId, SchoolCalendar.WeekStart(day))}#{anchor}");
}
