using SkiaSharp;

namespace Preau.Directory.Photos;

/// <summary>
/// Turns an uploaded picture into the square thumbnail the annuaire shows: the format is read
/// from the bytes themselves (JPEG, PNG or WebP only, whatever the name or the declared type),
/// the picture is turned upright, cropped to its centre and redrawn as a new JPEG, so nothing
/// of the sent file (metadata, trailing bytes, a disguised payload) is kept.
/// </summary>
internal static class Thumbnail
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int Size = 256;

    /// <summary>Pictures larger than this are refused before decoding (a small file can claim a huge canvas).</summary>
    private const long MaxPixels = 50_000_000;

    public enum Problem
    {
        None,
        TooBig,
        NotAnImage,
    }

    public static (byte[]? Jpeg, Problem Problem) Make(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > MaxBytes)
        {
            return (null, Problem.TooBig);
        }

        if (upload.IsEmpty)
        {
            return (null, Problem.NotAnImage);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp)
            || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return (null, Problem.NotAnImage);
        }

        // Let the decoder shrink big photos (JPEG decodes at 1/2, 1/4, 1/8 for free) before we do.
        var side = Math.Min(codec.Info.Width, codec.Info.Height);
        var scale = Math.Max(Size * 2f / side, 0f);
        var dimensions = scale < 1f ? codec.GetScaledDimensions(scale) : codec.Info.Size;
        var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return (null, Problem.NotAnImage);
        }

        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Upright(canvas, codec.EncodedOrigin);

        // The centred square of the upright picture, drawn over the whole thumbnail.
        var crop = Math.Min(bitmap.Width, bitmap.Height);
        var source = SKRect.Create((bitmap.Width - crop) / 2f, (bitmap.Height - crop) / 2f, crop, crop);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, source, SKRect.Create(Size, Size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return (jpeg.ToArray(), Problem.None);
    }

    /// <summary>Rotates or mirrors the canvas so that a phone photo taken sideways stands up (EXIF orientation).</summary>
    private static void Upright(SKCanvas canvas, SKEncodedOrigin origin)
    {
        const float S = Size;
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, S / 2, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, S / 2, S / 2); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, S / 2); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90, S / 2, S / 2); canvas.Scale(-1, 1, S / 2, 0); break;
            case SKEncodedOrigin.RightTop: canvas.RotateDegrees(90, S / 2, S / 2); break;
            case SKEncodedOrigin.RightBottom: canvas.RotateDegrees(270, S / 2, S / 2); canvas.Scale(-1, 1, S / 2, 0); break;
            case SKEncodedOrigin.LeftBottom: canvas.RotateDegrees(270, S / 2, S / 2); break;
            default: break;
        }
    }
}
