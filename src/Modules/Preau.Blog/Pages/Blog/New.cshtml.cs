using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>Creates a blog: a class's (shared at once with it) or one's own.</summary>
[RequireAppRight(BlogModule.CreateRight)]
public sealed class NewModel(Shell shell, ManageBlogs manage) : PageModel
{
    public ShellView View { get; private set; } = null!;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Guid? ClassId { get; set; }

    [BindProperty]
    public PublishMode PublishMode { get; set; } = PublishMode.Validation;

    [BindProperty]
    public CommentMode CommentMode { get; set; } = CommentMode.Validation;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        ClassId = View.User!.Classes.FirstOrDefault(c => c.StructureId == View.School?.Id)?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var created = await manage.CreateAsync(View.User!, new BlogSettings(Title, Description, PublishMode, CommentMode), ClassId, ct);
        if (created.Succeeded)
        {
            return Redirect(BlogLinks.Home(created.Value!.Id));
        }

        Errors = created.Errors!;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
