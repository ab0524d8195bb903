using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Storage;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents;

/// <summary>
/// "Mes documents": a folder's path, its subfolders then a page of its documents, sorted and
/// searched, as a list or a grid (remembered in a cookie); create, rename, move, copy, trash, one
/// item or the ticked ones, each a plain form post that comes back here with what was done.
/// Uploads post to <see cref="UploadModel"/>; documents.js only enhances (progress per file, drop).
/// </summary>
[RequireAppRight(DocumentsModule.AccessRight)]
public sealed class IndexModel(Shell shell, ListFolder list, ManageFolders manage, CopyFolder copyFolder, OrganizeDocuments organize, DocumentTrash trash,
    StorageQuota quota, IOptions<DocumentsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    [BindProperty(SupportsGet = true, Name = "fichier")]
    public string? FileName { get; set; }

    public ShellView View { get; private set; } = null!;

    public FolderListing Listing { get; private set; } = null!;

    /// <summary>One's folders in place, parents first, with their depth: where to move or copy to.</summary>
    public IReadOnlyList<(FolderItem Folder, int Depth)> Destinations { get; private set; } = [];

    public StorageStatus Usage { get; private set; } = null!;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public bool Grid { get; private set; }

    public Guid FolderId => Id ?? DocFolder.Root;

    public BrowseState State => new(Sort is "date" or "taille" ? Sort : null, Order == "desc" ? "desc" : null, string.IsNullOrWhiteSpace(Search) ? null : Search.Trim());

    public string Here => DocumentLinks.Folder(FolderId, State);

    /// <summary>Where a form of this page posts: here, with its handler.</summary>
    public string Action(string handler) => Here + (Here.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        var sort = State.Sort switch { "date" => DocumentSort.Date, "taille" => DocumentSort.Size, _ => DocumentSort.Name };
        if (await list.ListAsync(me, FolderId, sort, State.Order == "desc", State.Search, PageNumber, null, ct) is not { } listing)
        {
            return NotFound();
        }

        if (listing.OwnerId != me.Id)
        {
            // A folder shared with one opens where shared folders do (its path from the shared folder down, its own upload).
            return Redirect(DocumentLinks.SharedFolder(FolderId));
        }

        Listing = listing;
        Destinations = WithDepth(await manage.TreeAsync(me, ct));
        Usage = await quota.StatusAsync(me.Id, ct) ?? new StorageStatus(0, quota.QuotaOf(me));
        Grid = View.IsYoungPupil || Request.Cookies[DocumentLinks.ViewCookie] == "grille";
        Done = Done is not null && DocumentLinks.Done.Contains(Done) ? Done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var created = await manage.CreateAsync(await MeAsync(ct), FolderId, name, ct);
        return Answer(created.Found, created.Errors, "dossier-cree", name);
    }

    /// <summary>Renames one document (<c>doc</c>) or one folder (<c>folder</c>) of one's own.</summary>
    public async Task<IActionResult> OnPostRenameAsync(Guid? doc, Guid? folder, string? name, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var (found, errors) = doc is { } d ? Of(await organize.RenameAsync(me, d, name, ct))
            : folder is { } f ? Of(await manage.RenameAsync(me, f, name, ct)) : (false, null);
        return Answer(found, errors, "renomme", name);
    }

    /// <summary>The ticked documents and folders (or one item's): <c>action</c> is deplacer or copier (to <c>vers</c>) or corbeille.</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<Guid> docs, List<Guid> folders, string? action, Guid? vers, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (docs.Count + folders.Count == 0)
        {
            return Redirect(DocumentLinks.Folder(FolderId, State, error: "Docs.Error.NothingTicked"));
        }

        var to = vers ?? DocFolder.Root;
        var outcomes = new List<(bool Found, IReadOnlyDictionary<string, string[]>? Errors)>();
        string done;
        switch (action)
        {
            case "deplacer":
                foreach (var id in docs) { outcomes.Add(Of(await organize.MoveAsync(me, id, to, ct))); }
                foreach (var id in folders) { outcomes.Add(Of(await manage.MoveAsync(me, id, to, ct))); }
                done = "deplace";
                break;
            case "copier":
                foreach (var id in docs) { outcomes.Add(Of(await organize.CopyAsync(me, id, to, ct))); }
                foreach (var id in folders) { outcomes.Add(Of(await copyFolder.CopyAsync(me, id, to, ct))); }
                done = "copie";
                break;
            case "corbeille":
                foreach (var id in docs) { outcomes.Add(Of(await trash.TrashDocumentAsync(me, id, ct))); }
                foreach (var id in folders) { outcomes.Add(Of(await trash.TrashFolderAsync(me, id, ct))); }
                done = "corbeille";
                break;
            default:
                return Redirect(Here);
        }

        if (outcomes.Any(o => !o.Found))
        {
            return NotFound();
        }

        var error = outcomes.Select(o => o.Errors).FirstOrDefault(e => e is not null);
        var fine = outcomes.Any(o => o.Errors is null);
        return Redirect(DocumentLinks.Folder(FolderId, State, done: fine ? done : null, error: error?.Values.First()[0]));
    }

    /// <summary>List or grid, remembered in a cookie for a year (documents.js sets it without a round trip).</summary>
    public IActionResult OnPostView(string? vue)
    {
        Response.Cookies.Append(DocumentLinks.ViewCookie, vue == "grille" ? "grille" : "liste",
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, HttpOnly = false, IsEssential = true, Path = DocumentLinks.Home });
        return Redirect(Here);
    }

    private async Task<UserContext> MeAsync(CancellationToken ct) => (await shell.GetAsync(ct)).User!;

    private static (bool Found, IReadOnlyDictionary<string, string[]>? Errors) Of<T>(Outcome<T> outcome) => (outcome.Found, outcome.Errors);

    private IActionResult Answer(bool found, IReadOnlyDictionary<string, string[]>? errors, string done, string? name) =>
        !found ? NotFound()
        : errors is null ? Redirect(DocumentLinks.Folder(FolderId, State, done: done))
        : Redirect(DocumentLinks.Folder(FolderId, State, error: errors.Values.First()[0], file: name));

    private static List<(FolderItem, int)> WithDepth(IReadOnlyList<FolderItem> tree)
    {
        var depths = new Dictionary<Guid, int> { [DocFolder.Root] = 0 };
        var result = new List<(FolderItem, int)>(tree.Count);
        foreach (var folder in tree)
        {
            var depth = depths.GetValueOrDefault(folder.ParentId) + 1;
            depths[folder.Id] = depth;
            result.Add((folder, depth));
        }

        return result;
    }
}

/// <summary>One line (or tile) of a folder: a subfolder or a document, with the page it is drawn on.</summary>
public sealed record DocumentRow(FolderItem? Folder, DocumentItem? Document, IndexModel Page)
{
    public Guid Id => Folder?.Id ?? Document!.Id;

    public string Name => Folder?.Name ?? Document!.Name;
}
