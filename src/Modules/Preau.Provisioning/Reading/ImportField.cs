using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Reading;

/// <summary>What a column may hold. Each kind of import asks for some of them.</summary>
public enum ImportField
{
    LastName = 1,
    FirstName,
    BirthDate,
    ClassName,
    Level,
    ExternalId,
    Sex,
    Email,
    Phone,
    Profile,
    Subjects,
    ChildExternalId,
    ChildLastName,
    ChildFirstName,
    ChildBirthDate,
    Relative1LastName,
    Relative1FirstName,
    Relative1Email,
    Relative1Phone,
    Relative2LastName,
    Relative2FirstName,
    Relative2Email,
    Relative2Phone,
}

/// <summary>The fields of each kind of import, which are required, and the French headers that suggest them.</summary>
public static partial class ImportFields
{
    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.Pupils =>
        [
            ImportField.LastName, ImportField.FirstName, ImportField.BirthDate, ImportField.ClassName, ImportField.Level,
            ImportField.ExternalId, ImportField.Sex, ImportField.Email,
            ImportField.Relative1LastName, ImportField.Relative1FirstName, ImportField.Relative1Email, ImportField.Relative1Phone,
            ImportField.Relative2LastName, ImportField.Relative2FirstName, ImportField.Relative2Email, ImportField.Relative2Phone,
        ],
        ImportKind.Relatives =>
        [
            ImportField.LastName, ImportField.FirstName, ImportField.Email, ImportField.Phone, ImportField.ExternalId,
            ImportField.ChildExternalId, ImportField.ChildLastName, ImportField.ChildFirstName, ImportField.ChildBirthDate,
        ],
        _ =>
        [
            ImportField.LastName, ImportField.FirstName, ImportField.Profile, ImportField.Email, ImportField.Phone,
            ImportField.ExternalId, ImportField.ClassName, ImportField.Subjects,
        ],
    };

    public static bool IsRequired(ImportKind kind, ImportField field) => field switch
    {
        ImportField.LastName or ImportField.FirstName => true,
        ImportField.BirthDate or ImportField.ClassName => kind == ImportKind.Pupils,
        _ => false,
    };

    /// <summary>The required fields the mapping lacks, including "a child's id or name" for parents.</summary>
    public static IReadOnlyList<ImportField> Missing(ImportKind kind, ColumnMapping mapping)
    {
        var missing = For(kind).Where(f => IsRequired(kind, f) && !mapping.Has(f)).ToList();
        if (kind == ImportKind.Relatives && !mapping.Has(ImportField.ChildExternalId)
            && !(mapping.Has(ImportField.ChildLastName) && mapping.Has(ImportField.ChildFirstName)))
        {
            missing.Add(mapping.Has(ImportField.ChildLastName) ? ImportField.ChildFirstName : ImportField.ChildLastName);
        }

        return missing;
    }

    /// <summary>The field a header most likely names for this kind of import, if any.</summary>
    public static ImportField? Suggest(ImportKind kind, string header)
    {
        var h = Normalize(header);
        if (h.Length == 0)
        {
            return null;
        }

        var responsable = ResponsablePattern().Match(h);
        if (responsable.Success)
        {
            if (kind != ImportKind.Pupils)
            {
                return null;
            }

            var second = responsable.Groups["n"].Value == "2";
            return Base(responsable.Groups["base"].Value) switch
            {
                ImportField.LastName => second ? ImportField.Relative2LastName : ImportField.Relative1LastName,
                ImportField.FirstName => second ? ImportField.Relative2FirstName : ImportField.Relative1FirstName,
                ImportField.Email => second ? ImportField.Relative2Email : ImportField.Relative1Email,
                ImportField.Phone => second ? ImportField.Relative2Phone : ImportField.Relative1Phone,
                _ => null,
            };
        }

        var child = ChildPattern().Match(h);
        if (child.Success)
        {
            if (kind == ImportKind.Relatives)
            {
                return Base(child.Groups["base"].Value) switch
                {
                    ImportField.LastName => ImportField.ChildLastName,
                    ImportField.FirstName => ImportField.ChildFirstName,
                    ImportField.BirthDate => ImportField.ChildBirthDate,
                    ImportField.ExternalId => ImportField.ChildExternalId,
                    _ => null,
                };
            }

            // In a pupils file, "Nom élève" is the pupil's name.
            var field = Base(child.Groups["base"].Value);
            return field is { } f && For(kind).Contains(f) ? f : null;
        }

        var plain = Base(h);
        return plain is { } p && For(kind).Contains(p) ? p : null;
    }

    /// <summary>"Date de naissance" → "date de naissance"; "Prénom" → "prenom"; "E-mail" → "e mail".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static ImportField? Base(string h) => h switch
    {
        "nom" or "nom de famille" or "nom d usage" or "nom usage" or "nom patronymique" or "nom de naissance" or "last name" or "lastname" or "surname" => ImportField.LastName,
        "prenom" or "prenom 1" or "premier prenom" or "prenom usuel" or "first name" or "firstname" => ImportField.FirstName,
        "date de naissance" or "date naissance" or "ne le" or "ne e le" or "nee le" or "naissance" or "date de naiss" or "birth date" or "birthdate" => ImportField.BirthDate,
        "classe" or "classes" or "classe s" or "division" or "divisions" or "libelle classe" or "class" => ImportField.ClassName,
        "niveau" or "niveau scolaire" or "niveaux" or "level" => ImportField.Level,
        "identifiant" or "ine" or "id national" or "identifiant national" or "id" or "numero" or "matricule" or "identifiant national eleve" or "numero national" or "external id" => ImportField.ExternalId,
        "sexe" or "genre" or "sex" => ImportField.Sex,
        "courriel" or "email" or "e mail" or "mail" or "adresse mail" or "adresse e mail" or "adresse electronique" or "adresse courriel" => ImportField.Email,
        "telephone" or "tel" or "telephone portable" or "portable" or "mobile" or "telephone mobile" or "phone" => ImportField.Phone,
        "profil" or "fonction" or "type" or "statut" or "profile" => ImportField.Profile,
        "matieres" or "matiere" or "disciplines" or "discipline" or "matiere s" or "subjects" => ImportField.Subjects,
        _ => null,
    };

    [GeneratedRegex(@"^(?<base>.+?) (du |de la |de l )?(responsable|resp|representant|parent|rl)( legal)? ?(?<n>[12])$")]
    private static partial Regex ResponsablePattern();

    [GeneratedRegex(@"^(?<base>.+?) (de l |du |de la )?(enfant|eleve)$")]
    private static partial Regex ChildPattern();
}

/// <summary>The column index chosen for each field (absent: not imported).</summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<ImportField, int> _columns;

    public ColumnMapping(IReadOnlyDictionary<ImportField, int> columns) => _columns = new Dictionary<ImportField, int>(columns);

    public IReadOnlyDictionary<ImportField, int> Columns => _columns;

    public bool Has(ImportField field) => _columns.ContainsKey(field);

    public int? ColumnOf(ImportField field) => _columns.TryGetValue(field, out var c) ? c : null;

    /// <summary>The mapping the headers suggest: each field to the first column that names it.</summary>
    public static ColumnMapping Suggest(ImportKind kind, IReadOnlyList<string> header)
    {
        var columns = new Dictionary<ImportField, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ImportFields.Suggest(kind, header[i]) is { } field)
            {
                columns.TryAdd(field, i);
            }
        }

        return new ColumnMapping(columns);
    }

    /// <summary>"LastName=0&amp;FirstName=1".</summary>
    public string Serialize() =>
        string.Join('&', _columns.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static ColumnMapping Parse(string? text)
    {
        var columns = new Dictionary<ImportField, int>();
        foreach (var pair in (text ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<ImportField>(parts[0], out var field)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                columns[field] = column;
            }
        }

        return new ColumnMapping(columns);
    }
}
