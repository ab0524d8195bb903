using System.Globalization;
using System.Text;

namespace Preau.Bench.Import;

/// <summary>
/// A pupils file as a large école élémentaire's export would be: French headers, semicolons,
/// every pupil with one or two responsables (R1 for each pupil, R2 for the first
/// <c>parents - pupils</c> of them), deterministic for a seed.
/// </summary>
internal static class FileGenerator
{
    private static readonly string[] Girls = ["Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Rose", "Anna", "Mila", "Inès", "Ambre", "Julia", "Zoé", "Manon", "Camille", "Lou", "Sarah", "Agathe"];
    private static readonly string[] Boys = ["Gabriel", "Raphaël", "Léo", "Louis", "Arthur", "Jules", "Adam", "Lucas", "Maël", "Noah", "Sacha", "Tom", "Nathan", "Ethan", "Théo", "Victor"];
    private static readonly string[] Adults = ["Nathalie", "Stéphane", "Céline", "Julien", "Aurélie", "Nicolas", "Sandrine", "Frédéric", "Karine", "Olivier", "Émilie", "Sébastien", "Delphine", "Mathieu", "Fatima", "Mehdi"];
    private static readonly string[] LastNames = ["Lefebvre", "Garnier", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Chevalier", "Nguyen", "Diallo", "Haddad", "Da Silva", "Perrin", "Morel"];
    private static readonly string[] Levels = ["CP", "CE1", "CE2", "CM1", "CM2"];

    public static byte[] Pupils(int seed, int pupils, int parents)
    {
        if (parents < pupils || parents > 2 * pupils)
        {
            throw new ArgumentException("Each pupil has one or two responsables: pupils ≤ parents ≤ 2 × pupils.");
        }

        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("Nom;Prénom;Date de naissance;Sexe;Classe;Niveau;INE;Nom responsable 1;Prénom responsable 1;Courriel responsable 1;Téléphone responsable 1;Nom responsable 2;Prénom responsable 2;Courriel responsable 2;Téléphone responsable 2\r\n");
        var perClass = 25;
        for (var i = 0; i < pupils; i++)
        {
            var level = i * Levels.Length / pupils;
            var className = $"{Levels[level]} {(char)('A' + (i - level * pupils / Levels.Length) / perClass)}";
            var girl = random.Next(2) == 0;
            var first = girl ? Girls[random.Next(Girls.Length)] : Boys[random.Next(Boys.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var birth = new DateOnly(2019 - level, 1, 1).AddDays(random.Next(365));
            var ine = string.Create(CultureInfo.InvariantCulture, $"{random.Next(100_000_000, 999_999_999)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{i}");
            var r1 = Adults[random.Next(Adults.Length)];
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{last};{first};{birth:dd/MM/yyyy};{(girl ? "F" : "M")};{className};{Levels[level]};{ine};{last};{r1};{Mail(r1, last, i, 1)};06{random.Next(10_000_000, 99_999_999)};");
            text.Append(line);
            if (i < parents - pupils)
            {
                var r2 = Adults[random.Next(Adults.Length)];
                text.Append(CultureInfo.InvariantCulture, $"{last};{r2};{Mail(r2, last, i, 2)};07{random.Next(10_000_000, 99_999_999)}");
            }
            else
            {
                text.Append(";;;");
            }

            text.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Mail(string first, string last, int pupil, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}.{pupil}.{n}@example.org");

    private static string Ascii(string name) =>
        new([.. name.Normalize(NormalizationForm.FormD).ToLowerInvariant().Where(c => c is >= 'a' and <= 'z')]);
}
