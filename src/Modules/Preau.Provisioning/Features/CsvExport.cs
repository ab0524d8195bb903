using System.Text;

namespace Preau.Provisioning.Features;

/// <summary>
/// CSV written for spreadsheets (semicolons, UTF-8 with a BOM, as French Excel opens it). A cell
/// that a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage return first) is
/// prefixed with an apostrophe, so that a name like <c>=HYPERLINK(…)</c> stays text.
/// </summary>
public static class CsvExport
{
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
