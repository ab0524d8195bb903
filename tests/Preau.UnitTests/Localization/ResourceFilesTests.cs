using System.Text.RegularExpressions;

namespace Preau.UnitTests.Localization;

/// <summary>French is the neutral language, English is complete: every .resx has its .en.resx twin, key for key.</summary>
public sealed partial class ResourceFilesTests
{
    public static TheoryData<string> NeutralFiles => [.. Repository.Files(Repository.Src, "*.resx")
        .Where(f => !IsEnglish(f))
        .Select(Repository.Relative)];

    [Fact]
    public void Every_module_has_strings_to_check() =>
        // Platform, Account and Portal at least: an empty list would make the theories below vacuous.
        Assert.True(NeutralFiles.Count >= 3, $"Only {NeutralFiles.Count} neutral .resx files found under {Repository.Src}.");

    [Fact]
    public void Every_english_file_has_its_french_neutral_twin()
    {
        foreach (var english in Repository.Files(Repository.Src, "*.en.resx"))
        {
            Assert.True(File.Exists(NeutralOf(english)), $"{Repository.Relative(english)} has no neutral (French) file.");
        }
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void French_and_english_have_the_same_keys(string neutral)
    {
        var french = Repository.ReadResx(Path.Combine(Repository.Root, neutral));
        var englishPath = EnglishOf(Path.Combine(Repository.Root, neutral));
        Assert.True(File.Exists(englishPath), $"{neutral} has no English twin.");
        var english = Repository.ReadResx(englishPath);

        var differences = french.Keys.Except(english.Keys).Select(k => "missing in English: " + k)
            .Concat(english.Keys.Except(french.Keys).Select(k => "missing in French: " + k))
            .ToList();
        Assert.True(differences.Count == 0, $"{neutral}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void No_string_is_empty(string neutral)
    {
        var path = Path.Combine(Repository.Root, neutral);
        foreach (var file in new[] { path, EnglishOf(path) }.Where(File.Exists))
        {
            var empty = Repository.ReadResx(file).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
            Assert.True(empty.Count == 0, $"{Repository.Relative(file)}: empty {string.Join(", ", empty)}");
        }
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Both_languages_take_the_same_placeholders(string neutral)
    {
        var path = Path.Combine(Repository.Root, neutral);
        var french = Repository.ReadResx(path);
        var english = Repository.ReadResx(EnglishOf(path));

        foreach (var (key, value) in french.Where(e => english.ContainsKey(e.Key)))
        {
            Assert.True(Placeholders(value).SetEquals(Placeholders(english[key])), $"{neutral}: {key} has placeholders {string.Join(",", Placeholders(value))} in French but {string.Join(",", Placeholders(english[key]))} in English.");
        }
    }

    private static HashSet<string> Placeholders(string value) =>
        [.. PlaceholderPattern().Matches(value).Select(m => m.Groups[1].Value)];

    private static bool IsEnglish(string path) => path.EndsWith(".en.resx", StringComparison.Ordinal);

    private static string EnglishOf(string neutral) => neutral[..^".resx".Length] + ".en.resx";

    private static string NeutralOf(string english) => english[..^".en.resx".Length] + ".resx";

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
