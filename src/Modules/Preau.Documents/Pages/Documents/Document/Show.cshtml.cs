using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Comments;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Versions;
using Preau.Documents.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.Documents.Pages.Documents.Document;

/// <summary>
/// One document: its facts, the inline viewer for a picture, a PDF, a sound or a film, the
/// download, its versions and its comments. Every action is a plain form coming back here; a
/// document the person may not read answers 404.
/// </summary>
[RequireAppRight(DocumentsModule.AccessRight)]
[RequestSizeLimit(MaxPostBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
public sealed class ShowModel(Shell shell, DocumentDetails details, DocumentVersions versions, DocumentComments comments, OrganizeDocuments organize,
    IStringLocalizer<DocumentItemStrings> s, IStringLocalizer<DocumentStrings> d) : PageModel
{
    /// <summary>Over the largest file allowed (Documents:MaxFileBytes, 512 MB by default): the use case holds the real limit.</summary>
    private const long MaxPostBytes = 600L * 1024 * 1024;

    /// <summary>What the page says after an action ("?fait=").</summary>
    public static readonly IReadOnlySet<string> DoneKeys = new HashSet<string>(StringComparer.Ordinal) { "commente", "commentaire-supprime", "version", "restauree", "renomme" };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Error { get; set; }

    public ShellView View { get; private set; } = null!;

    public DocumentSheet Sheet { get; private set; } = null!;

    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<CommentItem> Comments { get; private set; } = [];

    /// <summary>A comment refused, kept in its box with the reason.</summary>
    public string? CommentDraft { get; private set; }

    public string? CommentError { get; private set; }

    /// <summary>The error to show, in the person's language; only keys the module knows.</summary>
    public string? ErrorText => Error is null ? null
        : s[Error] is { ResourceNotFound: false } mine ? mine.Value
        : d[Error] is { ResourceNotFound: false } theirs ? theirs.Value : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Done = Done is not null && DoneKeys.Contains(Done) ? Done : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(string? body, CancellationToken ct)
    {
        var added = await comments.AddAsync(await MeAsync(ct), Id, body, ct);
        if (!added.Found)
        {
            return NotFound();
        }

        if (added.Succeeded)
        {
            return Redirect($"{DocumentItemSetup.Page(Id)}?fait=commente#commentaires");
        }

        CommentDraft = body;
        CommentError = s[added.Errors!.Values.First()[0]].Value;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(Guid comment, CancellationToken ct)
    {
        var deleted = await comments.DeleteAsync(await MeAsync(ct), Id, comment, ct);
        return deleted.Found ? Redirect($"{DocumentItemSetup.Page(Id)}?fait=commentaire-supprime#commentaires") : NotFound();
    }

    public async Task<IActionResult> OnPostVersionAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return After(Outcome.Invalid<VersionItem>(DocumentContent.Field, file is null ? "Error.NoFile" : "Error.EmptyFile"), "version", "#versions");
        }

        await using var content = file.OpenReadStream();
        return After(await versions.UploadAsync(await MeAsync(ct), Id, file.ContentType, content, file.Length, null, ct), "version", "#versions");
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid version, CancellationToken ct) =>
        After(await versions.RestoreAsync(await MeAsync(ct), Id, version, ct), "restauree", "#versions");

    public async Task<IActionResult> OnPostRenameAsync(string? name, CancellationToken ct) =>
        After(await organize.RenameAsync(await MeAsync(ct), Id, name, ct), "renomme", "");

    private IActionResult After<T>(Outcome<T> outcome, string done, string anchor) =>
        !outcome.Found ? NotFound()
        : outcome.Succeeded ? Redirect($"{DocumentItemSetup.Page(Id)}?fait={done}{anchor}")
        : Redirect($"{DocumentItemSetup.Page(Id)}?erreur={Uri.EscapeDataString(outcome.Errors!.Values.First()[0])}{anchor}");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        var me = View.User!;
        if (await details.OpenAsync(me, Id, ct) is not { } sheet)
        {
            return false;
        }

        Sheet = sheet;
        Versions = await versions.ListAsync(me, Id, ct) ?? [];
        People = await details.NamesAsync(Versions.Select(v => v.UploadedBy), ct);
        Comments = await comments.ListAsync(me, Id, ct) ?? [];
        return true;
    }

    private async Task<UserContext> MeAsync(CancellationToken ct) => (await shell.GetAsync(ct)).User!;
}
