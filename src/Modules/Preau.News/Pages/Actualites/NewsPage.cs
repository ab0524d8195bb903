using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.News.Resources;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>What the actualités' forms share: the shell's view and the refusals shown beside their fields.</summary>
public abstract class NewsPage : PageModel
{
    public ShellView View { get; protected set; } = null!;

    /// <summary>Refusals by field, already in the page's language.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer<NewsStrings> s)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(s);
        foreach (var (field, keys) in errors)
        {
            AddError(field, keys.Select(k => s[k].Value));
        }
    }

    protected void AddError(string field, IEnumerable<string> messages)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.AddRange(messages);
    }
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
