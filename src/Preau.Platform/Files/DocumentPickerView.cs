using Microsoft.AspNetCore.WebUtilities;

namespace Preau.Platform.Files;

/// <summary>
/// What the platform's document picker partial (<c>Pages/Shared/_DocumentPicker.cshtml</c>) shows:
/// a page of one of the person's folders (<see cref="IDocumentSource.BrowseAsync"/>), on the page
/// of the module that uses it (<see cref="PagePath"/>, which answers GET with <c>dossier</c>,
/// <c>q</c> and <c>p</c> (the page number), and POST with the chosen <c>documents</c>). <see cref="Keep"/> are the
/// module's own query parameters (a draft's id…), carried by every link and form.
/// </summary>
public sealed record DocumentPickerView(PickerListing Listing, Guid Root, string PagePath, IReadOnlyDictionary<string, string> Keep, string? Search, string BackUrl)
{
    /// <summary>Sentences to show above the list (a refusal of the last choice).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The label of the button that sends the choice ("Joindre").</summary>
    public string? ChooseLabel { get; init; }

    public string FolderUrl(Guid folderId) => Url(folderId, null, 1);

    public string PageUrl(int page) => Url(Listing.FolderId, Search, page);

    /// <summary>Where the choice is posted: the page itself, with the module's parameters.</summary>
    public string PostUrl => QueryHelpers.AddQueryString(PagePath, Keep.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    private string Url(Guid folderId, string? search, int page)
    {
        var query = Keep.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList();
        if (folderId != Root)
        {
            query.Add(new("dossier", folderId.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query.Add(new("q", search));
        }

        if (page > 1)
        {
            query.Add(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(PagePath, query);
    }
}
