using Preau.Platform.Storage;

namespace Preau.Platform.Files;

/// <summary>What a file can be shown as in a page; anything else is only ever downloaded.</summary>
public enum FileKind
{
    /// <summary>Not a type Préau shows (HTML, SVG, office documents, archives…): downloaded.</summary>
    Unknown,

    /// <summary>A raster image: PNG, JPEG, GIF, WebP.</summary>
    Image,

    /// <summary>A PDF, shown by the browser's own viewer.</summary>
    Pdf,

    /// <summary>MP3, Ogg, WAV, M4A/AAC, played by <c>&lt;audio&gt;</c>.</summary>
    Audio,

    /// <summary>MP4, WebM, played by <c>&lt;video&gt;</c>.</summary>
    Video,
}

/// <summary>A type proven by a file's first bytes: the media type sent and what the page may do with it.</summary>
public sealed record SniffedType(string MediaType, FileKind Kind);

/// <summary>
/// Reads a file's real type from its first bytes, among the types Préau shows inline (raster
/// images, PDF, audio, video). The name, the extension and the type a browser declared never
/// decide: a file that proves none of these is <see cref="FileKind.Unknown"/>, HTML and SVG
/// included, and is served as a download.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many first bytes <see cref="Sniff"/> looks at (more are ignored).</summary>
    public const int HeadLength = 64;

    public const string OctetStream = "application/octet-stream";

    private static readonly SniffedType Png = new("image/png", FileKind.Image);
    private static readonly SniffedType Jpeg = new("image/jpeg", FileKind.Image);
    private static readonly SniffedType Gif = new("image/gif", FileKind.Image);
    private static readonly SniffedType Webp = new("image/webp", FileKind.Image);
    private static readonly SniffedType Pdf = new("application/pdf", FileKind.Pdf);
    private static readonly SniffedType Mp3 = new("audio/mpeg", FileKind.Audio);
    private static readonly SniffedType Ogg = new("audio/ogg", FileKind.Audio);
    private static readonly SniffedType Wav = new("audio/wav", FileKind.Audio);
    private static readonly SniffedType M4a = new("audio/mp4", FileKind.Audio);
    private static readonly SniffedType Aac = new("audio/aac", FileKind.Audio);
    private static readonly SniffedType Mp4 = new("video/mp4", FileKind.Video);
    private static readonly SniffedType WebM = new("video/webm", FileKind.Video);

    // ISO base media brands (bytes 8–12 after "ftyp"): audio-only ones, then the video ones browsers play.
    private static readonly string[] AudioBrands = ["M4A ", "M4B ", "M4P ", "F4A "];
    private static readonly string[] VideoBrands = ["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "MSNV", "mmp4", "f4v "];

    /// <summary>The type the first bytes prove, or null (unknown: download only).</summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length > HeadLength)
        {
            head = head[..HeadLength];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? Webp : head[8..12].SequenceEqual("WAVE"u8) ? Wav : null;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith("OggS"u8))
        {
            return Ogg;
        }

        if (head.StartsWith("ID3"u8))
        {
            return Mp3;
        }

        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            // An MPEG audio frame: layer III is MP3; layer "00" with the ADTS sync is raw AAC.
            var layer = (head[1] >> 1) & 0x03;
            return layer == 1 ? Mp3 : layer == 0 && (head[1] & 0xF0) == 0xF0 ? Aac : null;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return AudioBrands.Contains(brand, StringComparer.Ordinal) ? M4a : VideoBrands.Contains(brand, StringComparer.Ordinal) ? Mp4 : null;
        }

        // Matroska's EBML header names its document type: only WebM is played by browsers.
        return head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf("webm"u8) > 0 ? WebM : null;
    }

    /// <summary>The raster image type the first bytes prove (PNG, JPEG, GIF, WebP), or null.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head) => Sniff(head) is { Kind: FileKind.Image } image ? image.MediaType : null;

    /// <summary>Reads up to <see cref="HeadLength"/> first bytes of <paramref name="content"/> (fewer when it is shorter).</summary>
    public static async Task<byte[]> ReadHeadAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[HeadLength];
        var read = 0;
        while (read < head.Length && await content.ReadAsync(head.AsMemory(read), ct) is var n and > 0)
        {
            read += n;
        }

        return read == head.Length ? head : head[..read];
    }

    /// <summary>The type of stored content (null: unknown, or no content under the key).</summary>
    public static async Task<SniffedType?> SniffAsync(IBlobStore store, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var content = await store.OpenReadAsync(key, ct);
        return content is null ? null : Sniff(await ReadHeadAsync(content, ct));
    }

    /// <summary>
    /// The type to keep beside an upload: the sniffed one when the bytes prove one; otherwise the
    /// declared type, unless it claims something Préau would show (an image, a PDF, audio, video,
    /// HTML, SVG, XML, script), which the bytes did not prove: then <see cref="OctetStream"/>. So a
    /// stored type that names a viewable kind was always proven.
    /// </summary>
    public static string StoredType(SniffedType? sniffed, string? declared)
    {
        if (sniffed is not null)
        {
            return sniffed.MediaType;
        }

        var type = (declared ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type.Length is 0 or > 127 || type.Count(c => c == '/') != 1 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-')
            || type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal)
            || type.StartsWith("video/", StringComparison.Ordinal)
            || type.Contains("pdf", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal)
            || type.Contains("html", StringComparison.Ordinal) || type.Contains("script", StringComparison.Ordinal))
        {
            return OctetStream;
        }

        return type;
    }

    /// <summary>What a stored type (as <see cref="StoredType"/> keeps it) can be shown as.</summary>
    public static FileKind KindOf(string? storedType) => storedType switch
    {
        "image/png" or "image/jpeg" or "image/gif" or "image/webp" => FileKind.Image,
        "application/pdf" => FileKind.Pdf,
        "audio/mpeg" or "audio/ogg" or "audio/wav" or "audio/mp4" or "audio/aac" => FileKind.Audio,
        "video/mp4" or "video/webm" => FileKind.Video,
        _ => FileKind.Unknown,
    };
}
