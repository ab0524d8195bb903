using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Blog.Features;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>"Blogs": the person's blogs and those shared with them; creating one for those who may.</summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class IndexModel(Shell shell, ReadBlog read, AppRights rights) : PageModel
{
    public ShellView View { get; private set; } = null!;

    public IReadOnlyList<BlogCard> Blogs { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Blogs = await read.MineAsync(View.User!, ct);
        MayCreate = await rights.HoldsAsync(View.User!, BlogModule.CreateRight, ct);
    }
}
