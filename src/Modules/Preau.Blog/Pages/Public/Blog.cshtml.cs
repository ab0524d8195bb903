using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Preau.Blog.Features;

namespace Preau.Blog.Pages.Public;

/// <summary>A public blog's page, for families without an account: its published posts only.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicBlogCache.Policy)]
public sealed class BlogModel(PublicBlogs blogs) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "apres")]
    public string? After { get; set; }

    public PublicBlog Blog { get; private set; } = null!;

    public PostPage Posts { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await blogs.FindAsync(Slug, ct) is not { } blog)
        {
            return NotFound();
        }

        Blog = blog;
        Posts = await blogs.PageAsync(blog, After, Search, ct);
        PublicBlogCache.Tag(HttpContext, blog.Id, Posts.Posts.Select(p => p.Id));
        return Page();
    }
}
