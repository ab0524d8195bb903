using System.Globalization;
using System.Text;

namespace Preau.Platform.Directory.Domain;

/// <summary>Logins are <c>prenom.nom</c>, accent-stripped and lower-case, numbered on collision.</summary>
public static class LoginNames
{
    public static string Base(string firstName, string lastName)
    {
        var first = Slug(firstName);
        var last = Slug(lastName);
        if (first.Length == 0 && last.Length == 0)
        {
            throw new ArgumentException("A login needs a first or last name made of letters or digits.", nameof(firstName));
        }

        return first.Length == 0 ? last : last.Length == 0 ? first : $"{first}.{last}";
    }

    /// <summary>The first free login: the base itself, then base1, base2… among the taken ones.</summary>
    public static string FirstFree(string baseLogin, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        if (!used.Contains(baseLogin))
        {
            return baseLogin;
        }

        for (var n = 1; ; n++)
        {
            var candidate = baseLogin + n.ToString(CultureInfo.InvariantCulture);
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    internal static string Slug(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            // Letters with no accent-free decomposition.
            .Replace("ø", "o", StringComparison.Ordinal)
            .Replace("ł", "l", StringComparison.Ordinal)
            .Replace("đ", "d", StringComparison.Ordinal)
            .Replace("ð", "d", StringComparison.Ordinal)
            .Replace("ı", "i", StringComparison.Ordinal)
            .Replace("þ", "th", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
