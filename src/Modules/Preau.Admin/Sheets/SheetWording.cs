using System.Globalization;
using System.Text;
using Preau.Platform.Kernel;

namespace Preau.Admin.Sheets;

/// <summary>The French words of the sheets (they go home to families in France) and their file names.</summary>
internal static class SheetWording
{
    public static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

    public static string Role(Profile profile) => profile switch
    {
        Profile.Student => "Élève",
        Profile.Relative => "Parent",
        Profile.Teacher => "Enseignant(e)",
        Profile.Personnel => "Personnel de l’école",
        Profile.Periscolaire => "Animateur(trice) périscolaire",
        _ => "Invité(e)",
    };

    public static string ParentOf(IReadOnlyList<(string FirstName, string? ClassName)> children) =>
        children.Count == 0
            ? "Parent"
            : "Parent de " + JoinFrench([.. children.Select(c => c.ClassName is null ? c.FirstName : $"{c.FirstName} ({c.ClassName})")]);

    public static string JoinFrench(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " et " + items[^1];

    /// <summary>"CE2 A" → "fiches-connexion-ce2-a.pdf".</summary>
    public static string FileName(string scope)
    {
        var slug = new StringBuilder();
        foreach (var c in scope.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return $"fiches-connexion{(name.Length == 0 ? "" : "-" + name[..Math.Min(name.Length, 60)])}.pdf";
    }
}
