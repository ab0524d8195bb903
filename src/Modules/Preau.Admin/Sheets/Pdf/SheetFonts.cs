using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Preau.Admin.Sheets.Pdf;

/// <summary>
/// PDFsharp's font resolver for the sheets: every family asked for is Atkinson Hyperlegible,
/// read from the assembly (Sheets/Fonts, SIL OFL), so a server needs no installed font.
/// </summary>
internal sealed class SheetFonts : IFontResolver
{
    public const string Family = "Atkinson Hyperlegible";

    private const string Regular = "AtkinsonHyperlegible-Regular";
    private const string Bold = "AtkinsonHyperlegible-Bold";

    private static readonly SheetFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>PDFsharp's resolver is process-wide and set once, before any font is used.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = Instance;
                _installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        using var stream = typeof(SheetFonts).Assembly.GetManifestResourceStream($"Preau.Admin.Sheets.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded in Preau.Admin.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
