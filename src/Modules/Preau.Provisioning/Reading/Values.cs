using System.Globalization;
using Preau.Platform.Kernel;

namespace Preau.Provisioning.Reading;

/// <summary>How the values of French exports are read: dates, levels, class names, names to compare.</summary>
public static class Values
{
    private static readonly string[] DateFormats =
        ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy/MM/dd"];

    /// <summary>"14/03/2017" or "2017-03-14" (a time part, as some spreadsheets add, is ignored); null when it is not a plausible birth date.</summary>
    public static DateOnly? Date(string text)
    {
        var value = text.Trim();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            value = value[..space];
        }

        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2100 ? date : null;
    }

    /// <summary>"CM1", "6e", "6ème", "Sixième", "2nde", "Tle", "Petite section"…; null when unknown.</summary>
    public static ClassLevel? Level(string text)
    {
        var t = Reading.ImportFields.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        return t switch
        {
            "ps" or "petitesection" or "tps" or "tpsps" => ClassLevel.PS,
            "ms" or "moyennesection" => ClassLevel.MS,
            "gs" or "grandesection" => ClassLevel.GS,
            "cp" => ClassLevel.CP,
            "ce1" => ClassLevel.CE1,
            "ce2" => ClassLevel.CE2,
            "cm1" => ClassLevel.CM1,
            "cm2" => ClassLevel.CM2,
            "6" or "6e" or "6eme" or "6em" or "sixieme" => ClassLevel.Sixieme,
            "5" or "5e" or "5eme" or "5em" or "cinquieme" => ClassLevel.Cinquieme,
            "4" or "4e" or "4eme" or "4em" or "quatrieme" => ClassLevel.Quatrieme,
            "3" or "3e" or "3eme" or "3em" or "troisieme" => ClassLevel.Troisieme,
            "2" or "2e" or "2nde" or "2de" or "seconde" => ClassLevel.Seconde,
            "1" or "1e" or "1re" or "1ere" or "premiere" => ClassLevel.Premiere,
            "t" or "tle" or "term" or "terminale" => ClassLevel.Terminale,
            _ => null,
        };
    }

    /// <summary>The level a class name starts with: "CM1 B" → CM1, "6e A" → 6e, "CE2-CM1" → CE2, "PS Les Lutins" → PS.</summary>
    public static ClassLevel? LevelOfClassName(string className)
    {
        var normalized = Reading.ImportFields.Normalize(className);
        var first = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        if (Level(first) is { } level)
        {
            return level;
        }

        // "6A", "5B", "CM1B": a level glued to its letter.
        for (var cut = first.Length - 1; cut > 0; cut--)
        {
            if (Level(first[..cut]) is { } glued && first[cut..].All(char.IsLetter))
            {
                return glued;
            }
        }

        return null;
    }

    /// <summary>A class name as written for the directory: trimmed, inner spaces collapsed.</summary>
    public static string ClassName(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A class name as compared: case, accents and punctuation do not matter.</summary>
    public static string ClassKey(string name) => Reading.ImportFields.Normalize(name);

    /// <summary>A person's name as compared: "DUPONT" and "Dupont", "Léa" and "Lea", "Jean-Marc" and "Jean Marc" are the same.</summary>
    public static string NameKey(string lastName, string firstName) =>
        Reading.ImportFields.Normalize(lastName) + "|" + Reading.ImportFields.Normalize(firstName);

    /// <summary>A name as stored: trimmed, inner spaces collapsed, nothing else changed (a formula stays plain text).</summary>
    public static string Name(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower-case and trimmed; null when empty.</summary>
    public static string? Email(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    public static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.') && email.Length <= 254 && !email.Any(char.IsWhiteSpace);
    }

    /// <summary>Trimmed; null when empty.</summary>
    public static string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var phone = Name(text);
        return phone.Length <= 32 ? phone : phone[..32];
    }

    /// <summary>"CM1 A, CM2 B" or "CM1 A|CM2 B" → the names.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([',', '|', '+', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ClassName).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A staff profile from a "Profil" or "Fonction" cell: teachers by their usual names, everyone else is Personnel.</summary>
    public static Profile StaffProfile(string? text)
    {
        var t = Reading.ImportFields.Normalize(text ?? "");
        return t.Length == 0 || t.Contains("enseign", StringComparison.Ordinal) || t.Contains("prof", StringComparison.Ordinal)
            || t.Contains("teacher", StringComparison.Ordinal) || t is "pe" or "ens" or "instituteur" or "institutrice"
            ? Profile.Teacher
            : Profile.Personnel;
    }
}
