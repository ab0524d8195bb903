using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Feed;

/// <summary>
/// An item's words in the reader's language: the type's text from the module's strings, its
/// named placeholders filled with the event's values and the actor's name; a value named
/// <c>…_day</c> is a day, written in the reader's language. Plain text: the page encodes it.
/// </summary>
public sealed class FeedText(IStringLocalizerFactory localizers)
{
    public string Render(FeedType type, string key, string valuesJson, string? actorName)
    {
        var template = localizers.Create(type.Labels)[key].Value;
        var values = Parse(valuesJson);
        return Fill(template, name => name == "actor" ? actorName ?? string.Empty : Value(name, values.GetValueOrDefault(name)));
    }

    /// <summary>A value as the reader reads it: a day (a name ending in <c>_day</c>, sent as yyyy-mm-dd) in their language.</summary>
    private static string Value(string name, string? value) =>
        name.EndsWith("_day", StringComparison.Ordinal) && Kernel.DayNames.ParseIso(value) is { } day ? Kernel.DayNames.Full(day) : value ?? string.Empty;

    /// <summary>The type's name as preferences show it.</summary>
    public string Label(FeedType type) => localizers.Create(type.Labels)[type.LabelKey].Value;

    internal static Dictionary<string, string> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Replaces each <c>{name}</c>; an unknown name becomes empty, braces without a name stay.</summary>
    internal static string Fill(string template, Func<string, string> value)
    {
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                text.Append(value(name));
            }
            else
            {
                text.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return text.ToString();
    }
}
