using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Preau.Platform.Demo;

/// <summary>Small real files for the demo city: a one-page PDF of a few lines and a child's drawing as a PNG.</summary>
public static class DemoFiles
{
    /// <summary>A one-page PDF with a title and lines of text (Helvetica, WinAnsi: French accents print).</summary>
    public static byte[] Pdf(string title, params string[] lines)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"BT /F1 22 Tf 72 740 Td ({Escape(title)}) Tj ET\n");
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"BT /F1 13 Tf 72 {700 - (i * 22)} Td ({Escape(lines[i])}) Tj ET\n");
        }

        var latin1 = Encoding.Latin1;
        var stream = latin1.GetBytes(text.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {stream.Length} >>\nstream\n{latin1.GetString(stream)}endstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A drawing of a pond under the sun, as a child would make it (a PNG of 800 × 560).</summary>
    public static byte[] Drawing(uint seed = 1)
    {
        using var surface = SKSurface.Create(new SKImageInfo(800, 560));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xbf, 0xe3, 0xff));
        using var grass = new SKPaint { Color = new SKColor(0x5c, 0xb8, 0x5c), IsAntialias = true };
        canvas.DrawRect(0, 360, 800, 200, grass);
        using var pond = new SKPaint { Color = new SKColor(0x3a, 0x86, 0xc8), IsAntialias = true };
        canvas.DrawOval(new SKRect(220, 390, 620, 520), pond);
        using var sun = new SKPaint { Color = new SKColor(0xf9, 0xc7, 0x2f), IsAntialias = true };
        canvas.DrawCircle(660, 110, 64, sun);
        using var frog = new SKPaint { Color = new SKColor(0x2e, 0x7d, 0x32), IsAntialias = true };
        canvas.DrawCircle(330 + (seed % 5 * 40), 440, 26, frog);
        using var eye = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawCircle(320 + (seed % 5 * 40), 424, 8, eye);
        canvas.DrawCircle(342 + (seed % 5 * 40), 424, 8, eye);
        using var stem = new SKPaint { Color = new SKColor(0x33, 0x69, 0x1e), StrokeWidth = 6, IsAntialias = true };
        for (var x = 80; x < 200; x += 30)
        {
            canvas.DrawLine(x, 470, x + 10, 330, stem);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string Escape(string text) => text.Replace('’', '\'').Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
