using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>A blog's settings for its owner and managers: title, description, modes, cover, public page, shares; deleting it for its owner.</summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class SettingsModel(Shell shell, BlogAccess access, ManageBlogs manage, BlogMediaStore media) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public PublishMode PublishMode { get; set; }

    [BindProperty]
    public CommentMode CommentMode { get; set; }

    public ShellView View { get; private set; } = null!;

    public BlogView Blog { get; private set; } = null!;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string PublicAddress => $"{Request.Scheme}://{Request.Host}{BlogLinks.PublicHome(Blog.Blog.Slug)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Title = Blog.Blog.Title;
        Description = Blog.Blog.Description;
        PublishMode = Blog.Blog.PublishMode;
        CommentMode = Blog.Blog.CommentMode;
        Done = Done is not null && BlogLinks.Done.Contains(Done) ? Done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var saved = await manage.UpdateAsync(View.User!, Id, new BlogSettings(Title, Description, PublishMode, CommentMode), ct);
        if (!saved.Found)
        {
            return NotFound();
        }

        return saved.Succeeded ? Redirect($"{BlogLinks.Settings(Id)}?fait=reglages") : await RefuseAsync(saved.Errors!, ct);
    }

    public async Task<IActionResult> OnPostPublicAsync(bool open, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var saved = await manage.SetPublicAsync(View.User!, Id, open, ct);
        return saved.Found ? Redirect($"{BlogLinks.Settings(Id)}?fait={(open ? "public" : "prive")}") : NotFound();
    }

    public async Task<IActionResult> OnPostCoverAsync(IFormFile? cover, bool remove, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        Guid? mediaId = null;
        if (!remove)
        {
            if (cover is not { Length: > 0 })
            {
                return await RefuseAsync(new Dictionary<string, string[]> { ["Cover"] = ["Error.EmptyFile"] }, ct);
            }

            await using var content = cover.OpenReadStream();
            var stored = await media.UploadAsync(me, Id, cover.FileName, content, cover.Length, ct);
            if (!stored.Found)
            {
                return NotFound();
            }

            if (!stored.Succeeded)
            {
                return await RefuseAsync(new Dictionary<string, string[]> { ["Cover"] = [.. stored.Errors!.Values.SelectMany(v => v)] }, ct);
            }

            mediaId = stored.Value!.Id;
        }

        var saved = await manage.SetCoverAsync(me, Id, mediaId, ct);
        return !saved.Found ? NotFound() : saved.Succeeded ? Redirect($"{BlogLinks.Settings(Id)}?fait=couverture") : await RefuseAsync(saved.Errors!, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var trashed = await manage.TrashAsync(View.User!, Id, ct);
        return trashed.Found ? Redirect(BlogModule.Url) : NotFound();
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Errors = errors;
        Title ??= Blog.Blog.Title;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var blog = await access.FindAsync(View.User!, Id, ct);
        if (blog is not { CanManage: true })
        {
            return false;
        }

        Blog = blog;
        return true;
    }
}
