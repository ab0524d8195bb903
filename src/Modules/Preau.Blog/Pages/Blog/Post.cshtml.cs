using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Blog.Pages.Blog;

/// <summary>
/// One post: its text, its state for its author and the publishers (with validate, edit, return
/// with a remark, unpublish, delete), a print-friendly layout, and its comments.
/// </summary>
[RequireAppRight(BlogModule.AccessRight)]
public sealed class PostModel(Shell shell, PreauDbContext db, BlogAccess access, BlogPeople people, BlogComments comments, WritePosts write) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid PostId { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    public ShellView View { get; private set; } = null!;

    public BlogView Blog { get; private set; } = null!;

    public BlogPost Post { get; private set; } = null!;

    public IReadOnlyList<CommentLine> Comments { get; private set; } = [];

    public IReadOnlyDictionary<Guid, BlogAuthor> Names { get; private set; } = new Dictionary<Guid, BlogAuthor>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? CommentText { get; private set; }

    public string? RemarkText { get; private set; }

    public bool MayEdit => WritePosts.MayEdit(Blog, Post, View.User!.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        await ActAsync(me => write.PublishAsync(me, PostId, ct), "publie", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) =>
        await ActAsync(me => write.UnpublishAsync(me, PostId, ct), "brouillon", ct);

    public async Task<IActionResult> OnPostReturnAsync(string? remark, CancellationToken ct)
    {
        RemarkText = remark;
        return await ActAsync(me => write.ReturnAsync(me, PostId, remark, ct), "rendu", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var deleted = await write.DeleteAsync(me, PostId, ct);
        return deleted.Found ? Redirect($"{BlogLinks.Home(Id)}?fait=supprime") : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(string? comment, CancellationToken ct)
    {
        var me = (await shell.GetAsync(ct)).User!;
        var added = await comments.AddAsync(me, PostId, comment, ct);
        if (!added.Found)
        {
            return NotFound();
        }

        if (added.Succeeded)
        {
            var done = added.Value!.State == CommentState.Pending ? "commentaire-attente" : "commentaire";
            return Redirect($"{BlogLinks.Post(Id, PostId)}?fait={done}#commentaires");
        }

        CommentText = comment;
        return await RefuseAsync(added.Errors!, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid comment, CancellationToken ct)
    {
        var approved = await comments.ApproveAsync((await shell.GetAsync(ct)).User!, comment, ct);
        return approved.Found ? Redirect($"{BlogLinks.Post(Id, PostId)}?fait=commentaire-valide#commentaires") : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(Guid comment, CancellationToken ct)
    {
        var deleted = await comments.DeleteAsync((await shell.GetAsync(ct)).User!, comment, ct);
        return deleted.Found ? Redirect($"{BlogLinks.Post(Id, PostId)}?fait=commentaire-supprime#commentaires") : NotFound();
    }

    private async Task<IActionResult> ActAsync(Func<Preau.Platform.Kernel.UserContext, Task<Preau.Platform.Kernel.Outcome<PostWritten>>> act, string done, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var outcome = await act(View.User!);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            return await RefuseAsync(outcome.Errors!, ct);
        }

        // A post back in its author's hands leaves the publisher's view: back to the blog.
        return outcome.Value!.Post.State == PostState.Draft && outcome.Value.Post.AuthorId != View.User!.Id
            ? Redirect($"{BlogLinks.Home(Id)}?fait={done}")
            : Redirect($"{BlogLinks.Post(Id, PostId)}?fait={done}");
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Errors = errors;
        Done = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == PostId && p.BlogId == Id, ct);
        var blog = post is null ? null : await access.FindAsync(me, Id, ct);
        if (post is null || blog is null || !BlogAccess.CanSee(blog, post, me.Id))
        {
            return false;
        }

        Blog = blog;
        Post = post;
        Comments = post.State == PostState.Published ? await comments.OfAsync(me, blog, post.Id, ct) : [];
        Names = await people.NamesAsync(Comments.Select(c => c.AuthorId).Append(post.AuthorId), ct);
        Done = Done is not null && BlogLinks.Done.Contains(Done) ? Done : null;
        return true;
    }

    public BlogAuthor Name(Guid id) => Names.GetValueOrDefault(id) ?? BlogPeople.Unknown(id);
}
