using SkiaSharp;

namespace Preau.Platform.Files;

/// <summary>The format a thumbnail is written in.</summary>
public enum ThumbnailFormat
{
    /// <summary>WebP (keeps transparency), the default.</summary>
    Webp,

    /// <summary>JPEG, on a white background.</summary>
    Jpeg,

    /// <summary>PNG (keeps transparency, lossless; the quality is ignored).</summary>
    Png,
}

/// <summary>Why no thumbnail was made.</summary>
public enum ThumbnailProblem
{
    None,

    /// <summary>The source is larger than <see cref="ThumbnailSpec.MaxSourceBytes"/>.</summary>
    TooLarge,

    /// <summary>Not a raster image (PNG, JPEG, GIF, WebP) that decodes, whatever its name.</summary>
    NotAnImage,

    /// <summary>Its header claims more than <see cref="ThumbnailSpec.MaxPixels"/> pixels (a decompression bomb): refused before decoding.</summary>
    TooManyPixels,

    /// <summary>There is no content under the key.</summary>
    Missing,
}

/// <summary>What thumbnail to make.</summary>
/// <param name="MaxSide">The longest side, in pixels (the exact side of a square one).</param>
/// <param name="Square">Cropped to the centred square (a profile photo) rather than the whole picture scaled.</param>
/// <param name="Format">WebP or JPEG.</param>
/// <param name="Quality">The encoder's quality, 1–100.</param>
public sealed record ThumbnailSpec(int MaxSide = 320, bool Square = false, ThumbnailFormat Format = ThumbnailFormat.Webp, int Quality = 80)
{
    /// <summary>The largest source read, in bytes.</summary>
    public long MaxSourceBytes { get; init; } = 30L * 1024 * 1024;

    /// <summary>The largest canvas a source may claim (width × height), checked from its header before any decoding.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    public string MediaType => Format switch
    {
        ThumbnailFormat.Webp => "image/webp",
        ThumbnailFormat.Png => "image/png",
        _ => "image/jpeg",
    };
}

/// <summary>A thumbnail's bytes, or why there is none.</summary>
public sealed record ThumbnailImage(byte[]? Bytes, string MediaType, int Width, int Height, ThumbnailProblem Problem);

/// <summary>
/// Draws a thumbnail from a picture's bytes: the format is read from the bytes themselves, the
/// canvas size from the header before anything is decoded (a few kilobytes can claim 20,000 ×
/// 20,000 pixels: refused at once), the decoder shrinks what it can (JPEG at 1/2, 1/4, 1/8), the
/// picture is turned upright (EXIF orientation) and redrawn as a new file, so nothing of the
/// source (metadata, trailing bytes, a disguised payload) is kept.
/// </summary>
public static class ThumbnailMaker
{
    public static ThumbnailImage Make(ReadOnlySpan<byte> source, ThumbnailSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (source.Length > spec.MaxSourceBytes)
        {
            return Refused(spec, ThumbnailProblem.TooLarge);
        }

        if (FileSniffer.Sniff(source) is not { Kind: FileKind.Image })
        {
            return Refused(spec, ThumbnailProblem.NotAnImage);
        }

        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Refused(spec, ThumbnailProblem.NotAnImage);
        }

        if ((long)codec.Info.Width * codec.Info.Height > spec.MaxPixels)
        {
            return Refused(spec, ThumbnailProblem.TooManyPixels);
        }

        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = Target(turned ? codec.Info.Height : codec.Info.Width, turned ? codec.Info.Width : codec.Info.Height, spec);

        // Let the decoder shrink big photos before we do (twice the target keeps the drawing sharp).
        var basis = spec.Square ? Math.Min(codec.Info.Width, codec.Info.Height) : Math.Max(codec.Info.Width, codec.Info.Height);
        var scale = spec.MaxSide * 2f / basis;
        var dimensions = scale < 1f ? codec.GetScaledDimensions(scale) : codec.Info.Size;
        var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Refused(spec, ThumbnailProblem.NotAnImage);
        }

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(spec.Format == ThumbnailFormat.Jpeg ? SKColors.White : SKColors.Transparent);

        // The upright picture's size at the decoded scale, and the part of it drawn (all, or the centred square).
        float uw = turned ? bitmap.Height : bitmap.Width, uh = turned ? bitmap.Width : bitmap.Height;
        var crop = spec.Square ? SKRect.Create((uw - Math.Min(uw, uh)) / 2, (uh - Math.Min(uw, uh)) / 2, Math.Min(uw, uh), Math.Min(uw, uh)) : SKRect.Create(uw, uh);
        canvas.Scale(width / crop.Width, height / crop.Height);
        canvas.Translate(-crop.Left, -crop.Top);
        var upright = Upright(codec.EncodedOrigin, bitmap.Width, bitmap.Height);
        canvas.Concat(in upright);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        var format = spec.Format switch
        {
            ThumbnailFormat.Webp => SKEncodedImageFormat.Webp,
            ThumbnailFormat.Png => SKEncodedImageFormat.Png,
            _ => SKEncodedImageFormat.Jpeg,
        };
        using var encoded = snapshot.Encode(format, Math.Clamp(spec.Quality, 1, 100));
        return encoded is null ? Refused(spec, ThumbnailProblem.NotAnImage) : new ThumbnailImage(encoded.ToArray(), spec.MediaType, width, height, ThumbnailProblem.None);
    }

    /// <summary>The thumbnail's size for an upright picture of <paramref name="width"/> × <paramref name="height"/>.</summary>
    private static (int Width, int Height) Target(int width, int height, ThumbnailSpec spec)
    {
        var side = Math.Max(1, spec.MaxSide);
        if (spec.Square)
        {
            return (side, side);
        }

        var scale = Math.Min(1d, (double)side / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>Maps the stored picture (<paramref name="w"/> × <paramref name="h"/>) onto its upright position (EXIF orientation).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static ThumbnailImage Refused(ThumbnailSpec spec, ThumbnailProblem problem) => new(null, spec.MediaType, 0, 0, problem);
}
