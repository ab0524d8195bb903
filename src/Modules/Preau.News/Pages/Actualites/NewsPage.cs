using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.News.Resources;
using Preau.Platform.Forms;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>What the actualités' forms share: the shell's view and the refusals shown beside their fields.</summary>
public abstract class NewsPage : PageModel
{
    public ShellView View { get; protected set; } = null!;

    /// <summary>Refusals by field, already in the page's language.</summary>
    public FieldErrors Errors { get; } = new();

    public string? ErrorOf(string field) => Errors.Of(field);

    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer<NewsStrings> s) => Errors.AddAll(errors, s);

    protected void AddError(string field, IEnumerable<string> messages) => Errors.Add(field, messages);
}

/// <summary>The thread form's fields, for its partial.</summary>
public interface IThreadFields
{
    string? Title { get; }
    string? Color { get; }
    bool CommentsEnabled { get; }
    bool CommentsModerated { get; }
    string? ErrorOf(string field);
}
