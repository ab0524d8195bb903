using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Preau.Testing;

/// <summary>
/// Reads the sheets' PDFs with poppler-utils (pdfinfo, pdftotext), as a person's PDF reader would.
/// test.sh installs them; a machine without them fails these tests rather than skipping them.
/// </summary>
public static partial class Poppler
{
    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(PagesPattern().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text of each page, in order.</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var text = await RunAsync("pdftotext", pdf, "-layout", "-enc", "UTF-8");
        return text.Split('\f').SkipLast(1).ToList();
    }

    /// <summary>The activation code printed on a page next to a login.</summary>
    public static string CodeOf(string page, string login)
    {
        var at = page.IndexOf(login, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{login} is not on the page.");
        }

        return CodePattern().Match(page, at) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No code after {login}.");
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(file);
            if (tool == "pdftotext")
            {
                start.ArgumentList.Add("-");
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{tool} is missing: install poppler-utils (test.sh does). {e.Message}");
            }

            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{tool} failed: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
                }

                return output;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesPattern();

    [GeneratedRegex("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}")]
    private static partial Regex CodePattern();
}
