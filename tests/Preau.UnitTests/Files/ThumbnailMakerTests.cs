using System.Diagnostics;
using Preau.Platform.Files;
using SkiaSharp;

namespace Preau.UnitTests.Files;

public sealed class ThumbnailMakerTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 1600, 900, 320, 180)]
    [InlineData(SKEncodedImageFormat.Jpeg, 900, 1600, 180, 320)]
    [InlineData(SKEncodedImageFormat.Webp, 200, 100, 200, 100)]
    public void A_picture_becomes_a_webp_no_larger_than_320_pixels(SKEncodedImageFormat format, int width, int height, int expectedWidth, int expectedHeight)
    {
        var made = ThumbnailMaker.Make(TestImages.Picture(width, height, format), Thumbnails.Default);
        Assert.Equal(ThumbnailProblem.None, made.Problem);
        Assert.Equal("image/webp", made.MediaType);
        Assert.Equal((expectedWidth, expectedHeight), (made.Width, made.Height));
        Assert.Equal("image/webp", FileSniffer.Sniff(made.Bytes)?.MediaType);
        using var decoded = SKBitmap.Decode(made.Bytes);
        Assert.Equal((expectedWidth, expectedHeight), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_sideways_phone_photo_stands_up()
    {
        // Stored 200 × 100, left half red, right half blue, EXIF orientation 6 (turn 90° clockwise):
        // upright it is 100 × 200, red on top.
        var jpeg = TestImages.WithOrientation(TestImages.Picture(200, 100, SKEncodedImageFormat.Jpeg), 6);
        var made = ThumbnailMaker.Make(jpeg, new ThumbnailSpec(Format: ThumbnailFormat.Jpeg));
        Assert.Equal((100, 200), (made.Width, made.Height));
        using var decoded = SKBitmap.Decode(made.Bytes);
        Assert.True(decoded.GetPixel(50, 20).Red > 200 && decoded.GetPixel(50, 20).Blue < 60, "red on top");
        Assert.True(decoded.GetPixel(50, 180).Blue > 200 && decoded.GetPixel(50, 180).Red < 60, "blue below");
    }

    [Fact]
    public void A_square_crop_keeps_the_centre()
    {
        var made = ThumbnailMaker.Make(TestImages.Picture(300, 500, SKEncodedImageFormat.Png), new ThumbnailSpec(256, Square: true, ThumbnailFormat.Jpeg));
        Assert.Equal((256, 256), (made.Width, made.Height));
        Assert.Equal("image/jpeg", FileSniffer.Sniff(made.Bytes)?.MediaType);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_fast_and_small()
    {
        // 20,000 × 20,000 pixels claimed by a few hundred bytes: 1.6 GB if it were decoded.
        var bomb = TestImages.PngClaiming(20_000, 20_000);
        Assert.True(bomb.Length < 4096);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var made = ThumbnailMaker.Make(bomb, Thumbnails.Default);
        clock.Stop();
        Assert.Equal(ThumbnailProblem.TooManyPixels, made.Problem);
        Assert.Null(made.Bytes);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "allocated more than 1 MB");
        Assert.True(Process.GetCurrentProcess().WorkingSet64 < 1024L * 1024 * 1024, "the process grew past 1 GB");
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("RIFF\u0004\u0000\u0000\u0000WEBPjunk")]
    [InlineData("%PDF-1.4")]
    [InlineData("")]
    public void What_is_not_a_raster_picture_is_refused(string content)
    {
        Assert.Equal(ThumbnailProblem.NotAnImage, ThumbnailMaker.Make(System.Text.Encoding.UTF8.GetBytes(content), Thumbnails.Default).Problem);
    }

    [Fact]
    public void A_source_past_the_limit_is_refused_unread()
    {
        var png = TestImages.Picture(64, 64, SKEncodedImageFormat.Png);
        Assert.Equal(ThumbnailProblem.TooLarge, ThumbnailMaker.Make(png, Thumbnails.Default with { MaxSourceBytes = png.Length - 1 }).Problem);
    }
}
