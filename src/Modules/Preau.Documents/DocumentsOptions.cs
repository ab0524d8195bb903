namespace Preau.Documents;

/// <summary>The document space's limits (section <c>Documents</c>).</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>The largest file, in bytes (512 MB by default); the person's quota applies besides.</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How many files one upload request may carry.</summary>
    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>The most documents (and folders) one folder copy may carry; a bigger one is refused whole.</summary>
    public int MaxCopiedDocuments { get; set; } = 2000;
}
