using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using Preau.Platform.Files;
using SkiaSharp;

namespace Preau.UnitTests.Files;

public sealed class WebImagesTests
{
    private static readonly WebImages Web = new(Options.Create(new WebImageOptions()));

    [Fact]
    public void A_big_sideways_phone_photo_with_gps_comes_out_upright_small_and_without_metadata()
    {
        // Stored 4000 × 3000, left half red, right half blue; EXIF orientation 6 (turn 90° clockwise) and a GPS position.
        var photo = TestImages.WithExif(TestImages.Picture(4000, 3000, SKEncodedImageFormat.Jpeg), orientation: 6);
        Assert.True(Contains(photo, TestImages.Latitude), "the test photo carries its GPS latitude");

        var web = Web.Prepare(photo)!;

        Assert.True(web.Redrawn);
        Assert.Equal("image/jpeg", web.MediaType);
        Assert.Equal((1200, 1600), (web.Width, web.Height));
        Assert.False(Contains(web.Bytes, "Exif\0\0"u8.ToArray()), "no EXIF segment");
        Assert.False(Contains(web.Bytes, TestImages.Latitude), "no GPS latitude");
        Assert.Equal(-1, Array.IndexOf(Markers(web.Bytes), (byte)0xE1));
        using var codec = SKCodec.Create(new MemoryStream(web.Bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        using var decoded = SKBitmap.Decode(web.Bytes);
        Assert.Equal((1200, 1600), (decoded.Width, decoded.Height));
        Assert.True(decoded.GetPixel(600, 100).Red > 200 && decoded.GetPixel(600, 100).Blue < 60, "red on top");
        Assert.True(decoded.GetPixel(600, 1500).Blue > 200 && decoded.GetPixel(600, 1500).Red < 60, "blue below");
    }

    [Fact]
    public void A_small_photo_with_metadata_is_redrawn_at_its_size_without_it()
    {
        var photo = TestImages.WithExif(TestImages.Picture(640, 480, SKEncodedImageFormat.Jpeg), orientation: 1);

        var web = Web.Prepare(photo)!;

        Assert.True(web.Redrawn);
        Assert.Equal((640, 480), (web.Width, web.Height));
        Assert.False(Contains(web.Bytes, TestImages.Latitude));
    }

    [Fact]
    public void A_small_png_with_transparency_stays_a_png_with_its_transparency()
    {
        var png = Transparent(300, 200);

        var web = Web.Prepare(WithPngText(png))!;

        Assert.True(web.Redrawn);
        Assert.Equal("image/png", web.MediaType);
        Assert.Equal("image/png", FileSniffer.Sniff(web.Bytes)?.MediaType);
        Assert.False(Contains(web.Bytes, "Camera"u8.ToArray()), "the text chunk is gone");
        using var decoded = SKBitmap.Decode(web.Bytes);
        Assert.Equal(0, decoded.GetPixel(10, 10).Alpha);
        Assert.Equal(255, decoded.GetPixel(250, 150).Alpha);
    }

    [Fact]
    public void A_big_opaque_png_becomes_a_smaller_jpeg()
    {
        var png = TestImages.Picture(3200, 1000, SKEncodedImageFormat.Png);

        var web = Web.Prepare(png)!;

        Assert.Equal("image/jpeg", web.MediaType);
        Assert.Equal((1600, 500), (web.Width, web.Height));
        Assert.Equal("photo.jpg", web.FileName("photo.png"));
    }

    [Fact]
    public void A_small_picture_without_metadata_is_kept_as_it_is()
    {
        var jpeg = TestImages.Picture(800, 600, SKEncodedImageFormat.Jpeg);
        var png = Transparent(120, 80);

        var keptJpeg = Web.Prepare(jpeg)!;
        var keptPng = Web.Prepare(png)!;

        Assert.False(keptJpeg.Redrawn);
        Assert.Equal(jpeg, keptJpeg.Bytes);
        Assert.Equal("image/jpeg", keptJpeg.MediaType);
        Assert.False(keptPng.Redrawn);
        Assert.Equal(png, keptPng.Bytes);
        Assert.Equal("photo.png", keptPng.FileName("photo.png"));
    }

    [Fact]
    public void The_longest_side_is_configurable()
    {
        var small = new WebImages(Options.Create(new WebImageOptions { MaxSide = 400 }));

        var web = small.Prepare(TestImages.Picture(1000, 500, SKEncodedImageFormat.Jpeg))!;

        Assert.Equal((400, 200), (web.Width, web.Height));
    }

    [Fact]
    public async Task What_is_not_a_picture_or_is_a_bomb_gets_no_web_version()
    {
        Assert.Null(Web.Prepare("<svg onload=alert(1)></svg>"u8));
        Assert.Null(Web.Prepare("%PDF-1.7\n"u8));
        Assert.Null(Web.Prepare(TestImages.PngClaiming(20_000, 20_000)));
        Assert.Null(await Web.PrepareAsync(new MemoryStream("GIF89a not really"u8.ToArray()), CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_larger_than_allowed_is_not_read_to_the_end()
    {
        var capped = new WebImages(Options.Create(new WebImageOptions { MaxSourceBytes = 1000 }));

        Assert.Null(await capped.PrepareAsync(new MemoryStream(TestImages.Picture(2000, 2000, SKEncodedImageFormat.Png)), CancellationToken.None));
    }

    /// <summary>A PNG, transparent but for an opaque green rectangle in its lower right.</summary>
    private static byte[] Transparent(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var green = new SKPaint { Color = SKColors.Green };
            canvas.DrawRect(width / 2f, height / 2f, width / 2f, height / 2f, green);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The PNG with a tEXt chunk naming a camera, before its image data.</summary>
    private static byte[] WithPngText(byte[] png)
    {
        byte[] text = [.. "tEXt"u8, .. "Model\0Camera"u8];
        var chunk = new byte[4 + text.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, text.Length - 4);
        text.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + text.Length), TestImages.Crc32(text));
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        return [.. png[..afterHeader], .. chunk, .. png[afterHeader..]];
    }

    /// <summary>The JPEG's segment markers up to the image data.</summary>
    private static byte[] Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA)
        {
            markers.Add(jpeg[at + 1]);
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }

        return [.. markers];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
