using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Preau.Platform.Files;

/// <summary>How pictures put in a page's text are made fit for the web (configuration <c>Files:WebImages</c>).</summary>
public sealed class WebImageOptions
{
    /// <summary>The longest side kept, in pixels; a larger picture is scaled down.</summary>
    public int MaxSide { get; set; } = 1600;

    /// <summary>The JPEG encoder's quality, 1–100.</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>The largest source read, in bytes.</summary>
    public long MaxSourceBytes { get; set; } = 30L * 1024 * 1024;
}

/// <summary>A picture ready for a page: its bytes, type and size, and whether they were redrawn from the source.</summary>
public sealed record WebImage(byte[] Bytes, string MediaType, int Width, int Height, bool Redrawn)
{
    /// <summary>The file name to store it under: <paramref name="name"/> with the extension of <see cref="MediaType"/>.</summary>
    public string FileName(string? name)
    {
        var stem = Path.GetFileNameWithoutExtension(string.IsNullOrWhiteSpace(name) ? "image" : name);
        return Redrawn ? stem + (MediaType == "image/png" ? ".png" : ".jpg") : Path.GetFileName(name ?? "image");
    }
}

/// <summary>
/// The web version of an uploaded picture (an image pasted in a message, a photo of the class
/// in a blog post): at most <see cref="WebImageOptions.MaxSide"/> pixels on its longest side,
/// turned upright (EXIF orientation), and redrawn as a new file, so none of the source's
/// metadata stays (a child's photo must not carry where it was taken). JPEG, or PNG when the
/// picture has transparent pixels. A picture already small enough that carries no metadata is
/// kept as it is: redrawing it would only make it heavier. GIFs small enough are kept too
/// (redrawing would stop their animation; they carry no camera metadata).
/// </summary>
public sealed class WebImages(IOptions<WebImageOptions> options)
{
    /// <summary>The web version of the picture in <paramref name="source"/>, or null when it is not a raster image Préau reads (or too large, or a bomb).</summary>
    public async Task<WebImage?> PrepareAsync(Stream source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limit = options.Value.MaxSourceBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        return Prepare(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The web version of <paramref name="source"/>, or null when it is not a raster image Préau reads.</summary>
    public WebImage? Prepare(ReadOnlySpan<byte> source)
    {
        var settings = options.Value;
        if (source.Length > settings.MaxSourceBytes || FileSniffer.Sniff(source) is not { Kind: FileKind.Image } sniffed) return null;

        int width, height;
        SKEncodedOrigin origin;
        bool transparent;
        using (var data = SKData.CreateCopy(source))
        using (var codec = SKCodec.Create(data))
        {
            if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0) return null;
            (width, height, origin) = (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
            if (Math.Max(width, height) <= settings.MaxSide && origin == SKEncodedOrigin.TopLeft
                && (sniffed.MediaType == "image/gif" || !Metadata.Carries(source, sniffed.MediaType)))
            {
                return new WebImage(source.ToArray(), sniffed.MediaType, width, height, Redrawn: false);
            }

            if ((long)width * height > new ThumbnailSpec().MaxPixels) return null;
            transparent = codec.Info.AlphaType != SKAlphaType.Opaque && HasTransparentPixels(codec);
        }

        var spec = new ThumbnailSpec(settings.MaxSide, Square: false, transparent ? ThumbnailFormat.Png : ThumbnailFormat.Jpeg, settings.JpegQuality)
        {
            MaxSourceBytes = settings.MaxSourceBytes,
        };
        var made = ThumbnailMaker.Make(source, spec);
        return made.Bytes is null ? null : new WebImage(made.Bytes, made.MediaType, made.Width, made.Height, Redrawn: true);
    }

    /// <summary>Whether a picture whose format may hold an alpha channel really has a pixel that is not opaque (decoded small: a screenshot's alpha channel is often all opaque).</summary>
    private static bool HasTransparentPixels(SKCodec codec)
    {
        var size = codec.GetScaledDimensions(Math.Min(1f, 512f / Math.Max(codec.Info.Width, codec.Info.Height)));
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            // Not decoded at this scale: keep the transparency to be safe (a PNG is never wrong, only heavier).
            return true;
        }

        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255) return true;
        }

        return false;
    }

    /// <summary>Whether a picture's bytes carry metadata: EXIF, XMP, IPTC, comments, text chunks.</summary>
    internal static class Metadata
    {
        public static bool Carries(ReadOnlySpan<byte> bytes, string mediaType) => mediaType switch
        {
            "image/jpeg" => Jpeg(bytes),
            "image/png" => Png(bytes),
            "image/webp" => Webp(bytes),
            _ => true,
        };

        /// <summary>APP1 (EXIF, XMP), APP13 (IPTC) or a comment before the image data; anything unreadable counts as metadata.</summary>
        private static bool Jpeg(ReadOnlySpan<byte> b)
        {
            var at = 2;
            while (at + 4 <= b.Length)
            {
                if (b[at] != 0xFF) return true;
                var marker = b[at + 1];
                if (marker == 0xFF) { at++; continue; }
                if (marker == 0xDA) return false;
                if (marker is 0xE1 or 0xED or 0xFE) return true;
                if (marker is 0xD8 or (>= 0xD0 and <= 0xD7) or 0x01) { at += 2; continue; }
                at += 2 + BinaryPrimitives.ReadUInt16BigEndian(b.Slice(at + 2, 2));
            }

            return true;
        }

        /// <summary>eXIf, text (tEXt, zTXt, iTXt) or time chunks.</summary>
        private static bool Png(ReadOnlySpan<byte> b)
        {
            var at = 8;
            while (at + 8 <= b.Length)
            {
                var length = BinaryPrimitives.ReadUInt32BigEndian(b.Slice(at, 4));
                var type = b.Slice(at + 4, 4);
                if (type.SequenceEqual("IEND"u8)) return false;
                if (type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8)
                    || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("tIME"u8))
                {
                    return true;
                }

                if (length > int.MaxValue - 12) return true;
                at += 12 + (int)length;
            }

            return true;
        }

        /// <summary>EXIF or XMP chunks in the RIFF container.</summary>
        private static bool Webp(ReadOnlySpan<byte> b)
        {
            var at = 12;
            while (at + 8 <= b.Length)
            {
                var type = b.Slice(at, 4);
                if (type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8)) return true;
                var length = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at + 4, 4));
                if (length > int.MaxValue - 9) return true;
                at += 8 + (int)length + (int)(length & 1);
            }

            return false;
        }
    }
}
