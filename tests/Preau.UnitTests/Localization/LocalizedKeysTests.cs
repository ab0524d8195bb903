using System.Text.RegularExpressions;
using Preau.Platform.Kernel;

namespace Preau.UnitTests.Localization;

/// <summary>
/// Every key a page or a class asks a localizer for exists in the strings of that localizer:
/// <c>S["Key"]</c>, <c>Shared["Profile." + x]</c> (each enum value), <c>S[$"Help.{key}.Title"]</c>
/// (each value registered below), and the launcher entries' name and description keys.
/// </summary>
public sealed partial class LocalizedKeysTests
{
    /// <summary>
    /// Keys built from a prefix and a known set of values (an enum's names, a list of keys). A
    /// prefix may be qualified by the strings type (<c>DocumentPageStrings:Done.</c>) when two
    /// localizers share a prefix with different values; the qualified entry wins.
    /// </summary>
    private static readonly Dictionary<string, string[]> EnumPrefixes = new(StringComparer.Ordinal)
    {
        ["Profile."] = Enum.GetNames<Profile>(),
        ["Function."] = Enum.GetNames<Function>(),
        ["Display.Scheme."] = Enum.GetNames<ColorScheme>(),
        ["StructureType."] = Enum.GetNames<StructureType>(),
        ["Level."] = Enum.GetNames<ClassLevel>(),
        ["State."] = Enum.GetNames<Preau.Platform.Directory.Domain.AccountState>(),
        ["Mood."] = Enum.GetNames<Preau.Directory.Domain.Mood>(),
        ["Profiles."] = Enum.GetNames<Profile>(),
        ["Who."] = Enum.GetNames<Profile>(),
        ["DocumentItemStrings:Kind."] = Enum.GetNames<Preau.Platform.Files.FileKind>(),
        ["DocumentItemStrings:Right."] = [Preau.Platform.Sharing.ShareRight.Read.Key, Preau.Platform.Sharing.ShareRight.Contrib.Key, Preau.Platform.Sharing.ShareRight.Manage.Key],
        ["DocumentPageStrings:Done."] = [.. Preau.Documents.Pages.Documents.DocumentLinks.Done],
        ["NewsPageStrings:Scope."] = Enum.GetNames<Preau.News.Domain.ThreadScope>(),
        ["NewsPageStrings:Status."] = Enum.GetNames<Preau.News.Features.Items.ItemStatus>(),
        ["NewsPageStrings:Color."] = [.. Preau.News.Domain.NewsThread.Colors],
        ["RichTextStrings:RichText."] = [.. Preau.Platform.RichText.RichTextTagHelper.LabelKeys],
        ["BlogStrings:Done."] = [.. Preau.Blog.Features.BlogLinks.Done, "envoye.Young"],
    };

    /// <summary>
    /// Interpolated keys and the values their hole takes. A new interpolated key fails the test
    /// until its values are listed here (the help topics are those of Portal's Help.cshtml).
    /// </summary>
    private static readonly Dictionary<string, string[]> InterpolatedKeys = new(StringComparer.Ordinal)
    {
        ["Help.{key}.Title"] = ["SignIn", "Apps", "Display", "Privacy", "Accessibility"],
        ["Help.{key}.Text"] = ["SignIn", "Apps", "Display", "Privacy", "Accessibility"],
    };

    private static readonly Lazy<Dictionary<string, HashSet<string>>> KeysByStringsType = new(() =>
        Repository.Files(Repository.Src, "*.resx")
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Repository.ReadResx(f).Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>The projects that have strings of their own: the platform and each module.</summary>
    public static TheoryData<string> Projects => [.. Repository.Files(Repository.Src, "*.csproj")
        .Select(Path.GetDirectoryName)
        .Where(folder => Repository.Files(folder!, "*.resx").Any())
        .Select(folder => Repository.Relative(folder!))];

    [Fact]
    public void The_platform_and_the_modules_are_all_checked()
    {
        var projects = Projects.Select(p => Path.GetFileName(p.Data)).ToList();

        Assert.Contains("Preau.Platform", projects);
        Assert.Contains("Preau.Account", projects);
        Assert.Contains("Preau.Portal", projects);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_key_used_in_code_and_pages_exists(string project)
    {
        var folder = Path.Combine(Repository.Root, project);
        var checkedKeys = 0;
        var missing = new List<string>();
        foreach (var file in Repository.Files(folder, "*.cs").Concat(Repository.Files(folder, "*.cshtml")))
        {
            var localizers = LocalizersOf(file);
            foreach (var usage in Usages(File.ReadAllText(file), localizers.Keys))
            {
                var type = localizers[usage.Localizer];
                if (!KeysByStringsType.Value.TryGetValue(type, out var keys))
                {
                    missing.Add($"{Repository.Relative(file)}: no {type}.resx for {usage.Localizer}[…]");
                    continue;
                }

                foreach (var key in Expand(usage, type, file, missing))
                {
                    checkedKeys++;
                    if (!keys.Contains(key))
                    {
                        missing.Add($"{Repository.Relative(file)}: {usage.Localizer}[\"{key}\"] is not in {type}.resx");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.True(checkedKeys > 0, $"No localized key found in {project}: the scan no longer recognises how strings are used.");
    }

    [Fact]
    public void Launcher_entries_name_keys_that_exist()
    {
        var entries = Repository.Files(Repository.Src, "*.cs")
            .SelectMany(f => AppEntryPattern().Matches(File.ReadAllText(f)).Select(m => (File: f, Match: m)))
            .ToList();

        Assert.NotEmpty(entries);
        foreach (var (file, match) in entries)
        {
            var keys = KeysByStringsType.Value[match.Groups["type"].Value];
            Assert.True(keys.Contains(match.Groups["name"].Value), $"{Repository.Relative(file)}: {match.Groups["name"].Value} is not in {match.Groups["type"].Value}.resx");
            Assert.True(keys.Contains(match.Groups["description"].Value), $"{Repository.Relative(file)}: {match.Groups["description"].Value} is not in {match.Groups["type"].Value}.resx");
        }
    }

    [Fact]
    public void The_scan_sees_literal_concatenated_and_interpolated_keys()
    {
        const string page = """
            @inject IStringLocalizer<PortalStrings> S
            <h1>@S["Home.Hello", me.FirstName]</h1><p>@S["Profile." + me.Profile]</p><h2>@S[$"Help.{key}.Title"]</h2>@ViewData["Title"]
            """;

        var usages = Usages(page, ["S"]).ToList();

        Assert.Equal(
            [("S", "Home.Hello", UsageKind.Literal), ("S", "Profile.", UsageKind.Concatenated), ("S", "Help.{key}.Title", UsageKind.Interpolated)],
            usages.Select(u => (u.Localizer, u.Key, u.Kind)));
    }

    private enum UsageKind
    {
        Literal,
        Concatenated,
        Interpolated,
    }

    private sealed record Usage(string Localizer, string Key, UsageKind Kind);

    private static IEnumerable<string> Expand(Usage usage, string type, string file, List<string> problems)
    {
        switch (usage.Kind)
        {
            case UsageKind.Literal:
                return [usage.Key];
            case UsageKind.Concatenated when EnumPrefixes.TryGetValue($"{type}:{usage.Key}", out var names) || EnumPrefixes.TryGetValue(usage.Key, out names):
                return names.Select(n => usage.Key + n);
            case UsageKind.Interpolated when InterpolatedKeys.TryGetValue(usage.Key, out var values):
                return values.Select(v => HolePattern().Replace(usage.Key, v));
            default:
                problems.Add($"{Repository.Relative(file)}: {usage.Localizer}[\"{usage.Key}\" …] is built at run time; register its values in {nameof(LocalizedKeysTests)}");
                return [];
        }
    }

    /// <summary>Localizer variables of a file: <c>IStringLocalizer&lt;T&gt; name</c>, in the file or its _ViewImports.</summary>
    private static Dictionary<string, string> LocalizersOf(string file)
    {
        var sources = new List<string> { file };
        if (file.EndsWith(".cshtml", StringComparison.Ordinal))
        {
            for (var folder = Path.GetDirectoryName(file); folder is not null && folder.StartsWith(Repository.Src, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
            {
                sources.Add(Path.Combine(folder, "_ViewImports.cshtml"));
            }
        }

        var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources.Where(File.Exists))
        {
            foreach (Match m in LocalizerPattern().Matches(File.ReadAllText(source)))
            {
                localizers.TryAdd(m.Groups["name"].Value, m.Groups["type"].Value);
            }
        }

        return localizers;
    }

    private static IEnumerable<Usage> Usages(string text, IEnumerable<string> localizers)
    {
        foreach (var name in localizers)
        {
            var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\[\s*(?<interpolated>\$)?""(?<key>[^""]*)""\s*(?<next>[\],+])");
            foreach (Match m in pattern.Matches(text))
            {
                var kind = m.Groups["interpolated"].Success ? UsageKind.Interpolated
                    : m.Groups["next"].Value == "+" ? UsageKind.Concatenated
                    : UsageKind.Literal;
                yield return new Usage(name, m.Groups["key"].Value, kind);
            }
        }
    }

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>\s+(?<name>\w+)")]
    private static partial Regex LocalizerPattern();

    [GeneratedRegex(@"new AppEntry\(\s*""[^""]*"",\s*typeof\((?<type>\w+)\),\s*""(?<name>[^""]+)"",\s*""(?<description>[^""]+)""")]
    private static partial Regex AppEntryPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex HolePattern();
}
