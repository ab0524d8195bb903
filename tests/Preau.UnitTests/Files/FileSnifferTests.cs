using System.Text;
using Preau.Platform.Files;

namespace Preau.UnitTests.Files;

public sealed class FileSnifferTests
{
    public static TheoryData<string, string, FileKind> Known => new()
    {
        { "89504E470D0A1A0A0000000D49484452", "image/png", FileKind.Image },
        { "FFD8FFE000104A464946", "image/jpeg", FileKind.Image },
        { Hex("GIF89a\u0001\u0000"), "image/gif", FileKind.Image },
        { Hex("GIF87a"), "image/gif", FileKind.Image },
        { Hex("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "), "image/webp", FileKind.Image },
        { Hex("%PDF-1.7\n"), "application/pdf", FileKind.Pdf },
        { Hex("ID3\u0004\u0000"), "audio/mpeg", FileKind.Audio },
        { "FFFB9064", "audio/mpeg", FileKind.Audio },
        { "FFF35000", "audio/mpeg", FileKind.Audio },
        { "FFF15080", "audio/aac", FileKind.Audio },
        { Hex("OggS\u0000\u0002"), "audio/ogg", FileKind.Audio },
        { Hex("RIFF\u0024\u0000\u0000\u0000WAVEfmt "), "audio/wav", FileKind.Audio },
        { "00000020" + Hex("ftypM4A ") + "00000000", "audio/mp4", FileKind.Audio },
        { "00000018" + Hex("ftypmp42") + "00000000", "video/mp4", FileKind.Video },
        { "00000020" + Hex("ftypisom") + "00000200", "video/mp4", FileKind.Video },
        { "1A45DFA3" + "9F4286810142F7810142F2810442F381084282" + "84" + Hex("webm"), "video/webm", FileKind.Video },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void The_first_bytes_prove_the_type(string head, string type, FileKind kind)
    {
        var sniffed = FileSniffer.Sniff(Convert.FromHexString(head));
        Assert.NotNull(sniffed);
        Assert.Equal(type, sniffed.MediaType);
        Assert.Equal(kind, sniffed.Kind);
        Assert.Equal(kind, FileSniffer.KindOf(type));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("   <html>")]
    [InlineData("PK\u0003\u0004 a docx or a zip")]
    [InlineData("plain text, whatever the name says")]
    [InlineData("")]
    [InlineData("RIFF\u0010\u0000\u0000\u0000AVI LIST")]
    [InlineData(" %PDF-1.4 not at the start")]
    public void Html_svg_and_anything_unproven_are_unknown(string content)
    {
        Assert.Null(FileSniffer.Sniff(Encoding.Latin1.GetBytes(content)));
        Assert.Null(FileSniffer.ImageType(Encoding.Latin1.GetBytes(content)));
    }

    [Fact]
    public void Matroska_heic_and_a_jpeg_lookalike_are_not_shown()
    {
        Assert.Null(FileSniffer.Sniff(Convert.FromHexString("1A45DFA3" + "9F4286810142F7810142F2810442F38108428288" + Hex("matroska"))));
        Assert.Null(FileSniffer.Sniff(Convert.FromHexString("00000018" + Hex("ftypheic") + "00000000")));
        Assert.Null(FileSniffer.Sniff([0xFF, 0xD8]));
        Assert.Null(FileSniffer.Sniff([0xFF, 0xE0]));
    }

    [Fact]
    public void A_polyglot_is_what_its_first_bytes_say_and_nothing_more()
    {
        // A GIF header followed by HTML: an image, sent as image/gif with nosniff, never as HTML.
        var polyglot = Encoding.Latin1.GetBytes("GIF89a/*\u0001\u0000\u0001\u0000*/=1;<html><script>alert(1)</script></html>");
        Assert.Equal(new SniffedType("image/gif", FileKind.Image), FileSniffer.Sniff(polyglot));
        Assert.Equal("image/gif", FileSniffer.ImageType(polyglot));
    }

    [Theory]
    [InlineData(null, "text/html", "application/octet-stream")]
    [InlineData(null, "image/svg+xml", "application/octet-stream")]
    [InlineData(null, "image/png", "application/octet-stream")]
    [InlineData(null, "application/pdf", "application/octet-stream")]
    [InlineData(null, "video/mp4", "application/octet-stream")]
    [InlineData(null, "application/xhtml+xml", "application/octet-stream")]
    [InlineData(null, "text/html\"; x", "application/octet-stream")]
    [InlineData(null, "", "application/octet-stream")]
    [InlineData(null, "Application/Vnd.Oasis.Opendocument.Text; charset=x", "application/vnd.oasis.opendocument.text")]
    [InlineData(null, "text/csv", "text/csv")]
    [InlineData("image/png", "application/zip", "image/png")]
    public void The_stored_type_names_a_viewable_kind_only_when_the_bytes_proved_it(string? sniffed, string declared, string stored)
    {
        var proven = sniffed is null ? null : new SniffedType(sniffed, FileSniffer.KindOf(sniffed));
        Assert.Equal(stored, FileSniffer.StoredType(proven, declared));
    }

    [Fact]
    public async Task The_head_is_read_across_short_reads()
    {
        var content = new TrickleStream(Convert.FromHexString("89504E470D0A1A0A" + new string('0', 200)));
        var head = await FileSniffer.ReadHeadAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(FileSniffer.HeadLength, head.Length);
        Assert.Equal("image/png", FileSniffer.Sniff(head)?.MediaType);
        Assert.Empty(await FileSniffer.ReadHeadAsync(new MemoryStream(), TestContext.Current.CancellationToken));
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.Latin1.GetBytes(ascii));

    /// <summary>Gives back one byte per read, as a slow network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
