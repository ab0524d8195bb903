using System.Globalization;

namespace Preau.Documents.Pages.Documents;

/// <summary>What a document looks like in a list before any thumbnail: its family (a colour) and a short label (its extension).</summary>
public static class DocumentKinds
{
    public static string Family(string contentType, string name)
    {
        var ext = Extension(name);
        return contentType switch
        {
            _ when contentType.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "audio",
            _ when contentType.StartsWith("video/", StringComparison.Ordinal) => "video",
            "application/pdf" => "pdf",
            _ => ext switch
            {
                "DOC" or "DOCX" or "ODT" or "RTF" or "TXT" or "MD" => "text",
                "XLS" or "XLSX" or "ODS" or "CSV" => "sheet",
                "PPT" or "PPTX" or "ODP" => "slides",
                "ZIP" or "7Z" or "RAR" or "GZ" or "TAR" => "archive",
                _ => "other",
            },
        };
    }

    /// <summary>The extension in capitals, at most four letters, or a dash.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        var ext = dot > 0 && dot < name.Length - 1 ? name[(dot + 1)..] : "";
        return ext.Length is > 0 and <= 4 && ext.All(char.IsLetterOrDigit) ? ext.ToUpper(CultureInfo.InvariantCulture) : "—";
    }
}
