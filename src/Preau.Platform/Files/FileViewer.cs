namespace Preau.Platform.Files;

/// <summary>
/// What the viewer partial (<c>/Pages/Shared/_FileViewer.cshtml</c>) shows: a file of a viewable
/// kind through its inline address, its name and size, a download link always, and where
/// "close" goes without JavaScript.
/// </summary>
/// <param name="Kind">From the stored, sniffed type (<see cref="FileSniffer.KindOf"/>); <see cref="FileKind.Unknown"/> shows only the download link.</param>
/// <param name="InlineUrl">The file asked inline (the module's download address with its "view" switch).</param>
/// <param name="DownloadUrl">The file as an attachment.</param>
/// <param name="Name">The file's name.</param>
/// <param name="Size">Its size for people (<c>ByteSizes.Format</c>).</param>
/// <param name="CloseUrl">The page without the viewer.</param>
public sealed record FileViewer(FileKind Kind, string InlineUrl, string DownloadUrl, string Name, string Size, string CloseUrl)
{
    /// <summary>Whether a file of this stored type gets a "View" action.</summary>
    public static bool CanView(string? storedType) => FileSniffer.KindOf(storedType) != FileKind.Unknown;
}
