using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Files;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>
/// Writes or changes a post. The editor sends pictures as they are added; a photo taken with the
/// tablet's camera or a voice recording may also come with the form itself (the big buttons of the
/// 1st-degree interface, and browsers without JavaScript): they are stored and put at the end of
/// the text. "Envoyer" publishes or submits, as the blog and the person's rights say.
/// </summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class WriteModel(Shell shell, PreauDbContext db, BlogAccess access, WritePosts write, BlogMediaStore media) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid? PostId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public ShellView View { get; private set; } = null!;

    public BlogView Blog { get; private set; } = null!;

    public BlogPost? Post { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string UploadUrl => $"/blog/media?blog={Id}";

    /// <summary>The document picker over the person's space, when there is one.</summary>
    public string? PickerUrl => media.Documents is null ? null : $"{BlogModule.Url}/{Id}/documents";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Title = Post?.Title;
        Body = Post?.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? intent, IFormFile? photo, IFormFile? audio, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var me = View.User!;
        var problems = new Dictionary<string, string[]>();
        foreach (var (file, kind) in new[] { (photo, "photo"), (audio, "audio") })
        {
            if (file is not { Length: > 0 })
            {
                continue;
            }

            await using var content = file.OpenReadStream();
            var stored = await media.UploadAsync(me, Id, file.FileName, content, file.Length, ct);
            if (stored.Succeeded)
            {
                var url = WebUtility.HtmlEncode(stored.Value!.Url);
                Body = (Body ?? "") + (FileSniffer.KindOf(stored.Value.Type) switch
                {
                    FileKind.Image => $"<p><img src=\"{url}\" alt=\"\"></p>",
                    FileKind.Audio => $"<p><audio controls src=\"{url}\"></audio></p>",
                    _ => $"<p><video controls src=\"{url}\"></video></p>",
                });
            }
            else if (stored.Found)
            {
                problems[kind] = [.. stored.Errors!.Values.SelectMany(v => v)];
            }
        }

        var sending = intent == "send";
        var how = sending ? PostIntent.Send : PostIntent.Save;
        var outcome = problems.Count > 0 ? null
            : PostId is { } postId ? await write.UpdateAsync(me, postId, Title, Body, how, ct) : await write.CreateAsync(me, Id, Title, Body, how, ct);
        if (outcome is { Found: false })
        {
            return NotFound();
        }

        if (outcome is { Succeeded: true })
        {
            var post = outcome.Value!.Post;
            var done = post.State switch
            {
                PostState.Published when sending => "publie",
                PostState.Submitted => "envoye",
                _ => "enregistre",
            };
            return Redirect($"{BlogLinks.Post(Id, post.Id)}?fait={done}");
        }

        Errors = outcome?.Errors ?? problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var blog = await access.FindAsync(me, Id, ct);
        if (blog is null || !(blog.CanContribute || (PostId is not null && blog.CanPublish)))
        {
            return false;
        }

        Blog = blog;
        if (PostId is { } postId)
        {
            Post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && p.BlogId == Id, ct);
            if (Post is null || !BlogAccess.CanSee(blog, Post, me.Id) || !WritePosts.MayEdit(blog, Post, me.Id))
            {
                return false;
            }
        }

        return true;
    }
}
