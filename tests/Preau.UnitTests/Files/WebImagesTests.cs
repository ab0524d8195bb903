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
        var photo = WithExif(TestImages.Picture(4000, 3000, SKEncodedImageFormat.Jpeg), orientation: 6);
        Assert.True(Contains(photo, Latitude), "the test photo carries its GPS latitude");

        var web = Web.Prepare(photo)!;

        Assert.True(web.Redrawn);
        Assert.Equal("image/jpeg", web.MediaType);
        Assert.Equal((1200, 1600), (web.Width, web.Height));
        Assert.False(Contains(web.Bytes, "Exif\0\0"u8.ToArray()), "no EXIF segment");
        Assert.False(Contains(web.Bytes, Latitude), "no GPS latitude");
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
        var photo = WithExif(TestImages.Picture(640, 480, SKEncodedImageFormat.Jpeg), orientation: 1);

        var web = Web.Prepare(photo)!;

        Assert.True(web.Redrawn);
        Assert.Equal((640, 480), (web.Width, web.Height));
        Assert.False(Contains(web.Bytes, Latitude));
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

    /// <summary>48° 51' 24" N, as EXIF rationals: what must not leave the server.</summary>
    private static readonly byte[] Latitude = [48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 24, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>The JPEG with an EXIF segment (little-endian TIFF) giving its orientation and a GPS latitude.</summary>
    private static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + Latitude.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        const int gpsIfd = 8 + 2 + 24 + 4;
        const int latitude = gpsIfd + 2 + 24 + 4;
        var at = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 2);
        Entry(tiff, at + 2, 0x0112, 3, 1, orientation);
        Entry(tiff, at + 14, 0x8825, 4, 1, gpsIfd);
        at = gpsIfd;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 2);
        Entry(tiff, at + 2, 0x0001, 2, 2, 'N');
        Entry(tiff, at + 14, 0x0002, 5, 3, latitude);
        Latitude.CopyTo(tiff, latitude);

        byte[] app1 = [0xFF, 0xE1, 0, 0, .. "Exif\0\0"u8, .. tiff];
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
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
