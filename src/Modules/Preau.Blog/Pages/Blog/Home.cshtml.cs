using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Blog.Features;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>
/// A blog's home page: its cover and description, the 10 latest posts (then older ones, or a
/// search), the posts waiting for a publisher, and the person's own posts that are not out.
/// </summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class HomeModel(Shell shell, BlogAccess access, ReadBlog read) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "apres")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    public ShellView View { get; private set; } = null!;

    public BlogView Blog { get; private set; } = null!;

    public PostPage Posts { get; private set; } = null!;

    public IReadOnlyList<PostLine> Waiting { get; private set; } = [];

    public IReadOnlyList<PostLine> MineNotOut { get; private set; } = [];

    public IReadOnlyDictionary<Guid, BlogAuthor> WaitingAuthors { get; private set; } = new Dictionary<Guid, BlogAuthor>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (await access.FindAsync(me, Id, ct) is not { } blog)
        {
            return NotFound();
        }

        Blog = blog;
        Posts = await read.PublishedAsync(Id, After, Search, ct);
        if (string.IsNullOrEmpty(After) && string.IsNullOrWhiteSpace(Search))
        {
            Waiting = blog.CanPublish ? await read.SubmittedAsync(Id, ct) : [];
            MineNotOut = blog.CanContribute ? await read.UnpublishedOfAsync(Id, me.Id, ct) : [];
            MineNotOut = [.. MineNotOut.Where(m => Waiting.All(w => w.Id != m.Id))];
            WaitingAuthors = Waiting.Count == 0 ? WaitingAuthors : await read.NamesAsync(Waiting.Select(w => w.AuthorId), ct);
        }

        Done = Done is not null && BlogLinks.Done.Contains(Done) ? Done : null;
        return Page();
    }
}
