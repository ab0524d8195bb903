using System.Globalization;
using Preau.Platform.Storage;

namespace Preau.UnitTests.Storage;

public sealed class ByteSizesTests
{
    private static readonly CultureInfo French = new("fr-FR");
    private static readonly CultureInfo English = new("en-GB");

    [Theory]
    [InlineData(0, "0\u00A0o", "0\u00A0B")]
    [InlineData(512, "512\u00A0o", "512\u00A0B")]
    [InlineData(1536, "1,5\u00A0Ko", "1.5\u00A0KB")]
    [InlineData(10 * 1024 * 1024, "10\u00A0Mo", "10\u00A0MB")]
    [InlineData(104_857_600, "100\u00A0Mo", "100\u00A0MB")]
    [InlineData(262_144_000, "250\u00A0Mo", "250\u00A0MB")]
    [InlineData(1_073_741_824, "1\u00A0Go", "1\u00A0GB")]
    [InlineData(1_288_490_189, "1,2\u00A0Go", "1.2\u00A0GB")]
    public void Sizes_read_in_french_and_in_english(long bytes, string french, string english)
    {
        Assert.Equal(french, ByteSizes.Format(bytes, French));
        Assert.Equal(english, ByteSizes.Format(bytes, English));
    }

    [Theory]
    [InlineData("100 MB", 104_857_600)]
    [InlineData("100MB", 104_857_600)]
    [InlineData("500 Mo", 524_288_000)]
    [InlineData("1 GB", 1_073_741_824)]
    [InlineData("1 go", 1_073_741_824)]
    [InlineData("1.5 KB", 1536)]
    [InlineData("20 Ko", 20_480)]
    [InlineData("4096", 4096)]
    [InlineData(" 12 B ", 12)]
    public void Sizes_are_read_from_settings(string text, long bytes) => Assert.Equal(bytes, ByteSizes.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("ten MB")]
    [InlineData("10 XB")]
    [InlineData("-5 MB")]
    [InlineData("1,5 Go")]
    [InlineData("99999999999 TB")]
    public void Anything_else_is_not_a_size(string text)
    {
        Assert.Throws<FormatException>(() => ByteSizes.Parse(text));
        Assert.False(ByteSizes.TryParse(text, out _));
    }
}
