using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Preau.Blog.Features;

namespace Preau.Blog.Pages.Public;

/// <summary>A published post of a public blog with its published comments, authors by their public name.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicBlogCache.Policy)]
public sealed class PostModel(PublicBlogs blogs) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [FromRoute]
    public Guid PostId { get; set; }

    public PublicBlog Blog { get; private set; } = null!;

    public PublicPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var blog = await blogs.FindAsync(Slug, ct);
        var post = blog is null ? null : await blogs.PostAsync(blog, PostId, ct);
        if (post is null)
        {
            return NotFound();
        }

        Blog = blog!;
        Post = post;
        PublicBlogCache.Tag(HttpContext, Blog.Id, [post.Id]);
        return Page();
    }
}
