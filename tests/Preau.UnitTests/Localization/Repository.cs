using System.Xml.Linq;

namespace Preau.UnitTests.Localization;

/// <summary>The source tree the tests run from: found by walking up to the folder holding Preau.slnx.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Preau.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Preau.slnx above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string Src => Path.Combine(Root, "src");

    /// <summary>Source files under <paramref name="folder"/>, build output left out.</summary>
    public static IEnumerable<string> Files(string folder, string pattern) =>
        System.IO.Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>The entries of a .resx file: name to value.</summary>
    public static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
}
