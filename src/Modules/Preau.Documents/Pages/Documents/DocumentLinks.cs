using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;

namespace Preau.Documents.Pages.Documents;

/// <summary>How a folder is looked at: sort (<c>tri</c>: nom, date, taille), order (<c>ordre</c>: asc, desc), search (<c>q</c>).</summary>
public sealed record BrowseState(string? Sort, string? Order, string? Search)
{
    public static readonly BrowseState Default = new(null, null, null);
}

/// <summary>The document pages' addresses, in one place for the pages, their handlers and the tests.</summary>
public static class DocumentLinks
{
    public const string Home = DocumentsModule.Url;

    public const string Trash = Home + "/corbeille";

    public const string SharedWithMe = Home + "/partages";

    /// <summary>A folder shared with one, as its readers and contributors see it.</summary>
    public static string SharedFolder(Guid id) => string.Create(CultureInfo.InvariantCulture, $"{SharedWithMe}/dossier/{id}");

    public const string Upload = Home + "/envoyer";

    /// <summary>The cookie that remembers the list or grid view (<c>liste</c>, <c>grille</c>).</summary>
    public const string ViewCookie = "preau.documents.view";

    /// <summary>What a page may say was done (<c>?fait=</c>); anything else is not shown.</summary>
    public static readonly FrozenSet<string> Done = FrozenSet.Create(StringComparer.Ordinal,
        "dossier-cree", "renomme", "deplace", "copie", "corbeille", "envoye", "restaure", "supprime", "vide");

    public static string Folder(Guid id, BrowseState? state = null, string? done = null, string? error = null, string? file = null, int page = 1)
    {
        var path = id == DocFolder.Root ? Home : string.Create(CultureInfo.InvariantCulture, $"{Home}/dossier/{id}");
        state ??= BrowseState.Default;
        return Query(path, ("tri", state.Sort), ("ordre", state.Order), ("q", state.Search),
            ("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("fait", done), ("erreur", error), ("fichier", file));
    }

    public static string TrashPage(string? done = null, string? error = null) => Query(Trash, ("fait", done), ("erreur", error));

    /// <summary>A document's page: its viewer, versions and comments.</summary>
    public static string Document(Guid id) => string.Create(CultureInfo.InvariantCulture, $"{Home}/{id}");

    public static string Download(Guid id) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents/{id}/content");

    public static string Zip(Guid folderId) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents/folders/{folderId}/zip");

    public static string Thumbnail(Guid id) => string.Create(CultureInfo.InvariantCulture, $"{Home}/{id}/miniature");

    public static string UploadTo(Guid folderId) => string.Create(CultureInfo.InvariantCulture, $"{Upload}?dossier={folderId}");

    public static string ApiUploadTo(Guid folderId) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents/files?folder={folderId}");

    public static string Share(bool folder, Guid id, string back) =>
        string.Create(CultureInfo.InvariantCulture, $"/partage/{(folder ? DocumentAccess.FolderType : DocumentAccess.FileType)}/{id}?back={Uri.EscapeDataString(back)}");

    private static string Query(string path, params (string Name, string? Value)[] parts)
    {
        var query = QueryString.Empty;
        foreach (var (name, value) in parts)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query = query.Add(name, value);
            }
        }

        return path + query.ToUriComponent();
    }
}
