using Microsoft.Extensions.Localization;

namespace Preau.Platform.Forms;

/// <summary>
/// A form's refusals by field, already in the page's language, to show beside each field with
/// everything typed kept: a use case's errors (resource keys by field) are translated once here.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public int Count => byField.Count;

    public IReadOnlyDictionary<string, List<string>> ByField => byField;

    public string? Of(string field) => byField.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    public void Add(string field, IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!byField.TryGetValue(field, out var list))
        {
            byField[field] = list = [];
        }

        list.AddRange(messages);
    }

    /// <summary>Adds a use case's refusals, each key translated by <paramref name="strings"/>.</summary>
    public void AddAll(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(strings);
        foreach (var (field, keys) in errors)
        {
            Add(field, keys.Select(k => strings[k].Value));
        }
    }
}
