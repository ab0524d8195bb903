using System.Text;

namespace Preau.Provisioning.Reading;

/// <summary>Why a file cannot be read at all (as opposed to a line that is rejected).</summary>
public enum FileProblem
{
    Empty,
    TooLarge,
    Binary,
    NoHeader,
    HeaderTooLong,
    TooFewColumns,
    NoDataLines,
}

/// <summary>A file that cannot be read, with the reason the page and the API explain.</summary>
public sealed class CsvFileException(FileProblem problem, string message) : Exception(message)
{
    public FileProblem Problem { get; } = problem;
}

/// <summary>One data line of the file: its line number (1 is the header) and its fields, or why it cannot be read.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields, RejectReason? Problem = null, string? Detail = null);

/// <summary>A decoded and split file: the header, the data lines, and how it was read.</summary>
public sealed record CsvTable(string Encoding, char Delimiter, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows);

/// <summary>
/// Reads the CSV files French school software exports: UTF-8 with or without BOM, or Windows-1252
/// (what Excel writes in France) when the bytes are not valid UTF-8; semicolon, comma or tab,
/// detected on the header line; quoted fields with doubled quotes and line breaks. A line longer
/// than <see cref="MaxLineLength"/> or with the wrong number of fields is rejected on its own.
/// </summary>
public static class CsvFile
{
    public const int MaxLineLength = 2_000;
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvFile() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the bytes: UTF-8 (BOM or valid), UTF-16 with a BOM, else Windows-1252.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new CsvFileException(FileProblem.Empty, "The file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new CsvFileException(FileProblem.TooLarge, "The file is larger than 10 MB.");
        }

        string text;
        string encoding;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeUtf8(bytes[3..]);
            encoding = "UTF-8";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = (bytes[0] == 0xFF ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode).GetString(bytes[2..]);
            encoding = "UTF-16";
        }
        else
        {
            LooksBinary(bytes);
            try
            {
                text = StrictUtf8.GetString(bytes);
                encoding = "UTF-8";
            }
            catch (DecoderFallbackException)
            {
                text = System.Text.Encoding.GetEncoding(1252).GetString(bytes);
                encoding = "Windows-1252";
            }
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new CsvFileException(FileProblem.Binary, "The file is not text.");
        }

        return (text, encoding);
    }

    /// <summary>Splits decoded text into a header and data lines; throws when the file cannot serve at all.</summary>
    public static CsvTable Parse(string text, string encoding)
    {
        var position = 0;
        var line = 1;

        // The header: the first line that is not blank.
        List<string>? header = null;
        char delimiter = ';';
        while (position < text.Length && header is null)
        {
            var start = position;
            var end = LineEnd(text, position);
            var raw = text.AsSpan(start, end - start);
            if (raw.Length > MaxLineLength)
            {
                throw new CsvFileException(FileProblem.HeaderTooLong, "The first line is too long to be a header.");
            }

            if (!raw.IsWhiteSpace())
            {
                delimiter = DetectDelimiter(raw);
                header = [.. SplitLine(text, ref position, delimiter, ref line).Select(h => h.Trim())];
            }
            else
            {
                position = SkipNewline(text, end);
                line++;
            }
        }

        if (header is null)
        {
            throw new CsvFileException(FileProblem.NoHeader, "The file has no header line.");
        }

        if (header.Count < 2 || header.Count(h => h.Length > 0) < 2)
        {
            throw new CsvFileException(FileProblem.TooFewColumns, "The header has fewer than two columns: is it a CSV file with a header line?");
        }

        var rows = new List<CsvRow>();
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var end = LineEnd(text, position);
            if (text.AsSpan(start, end - start).IsWhiteSpace() && end - start < MaxLineLength)
            {
                position = SkipNewline(text, end);
                line++;
                continue;
            }

            if (end - start > MaxLineLength)
            {
                rows.Add(new CsvRow(startLine, [], RejectReason.LineTooLong, (end - start).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                position = SkipNewline(text, end);
                line++;
                continue;
            }

            var fields = SplitLine(text, ref position, delimiter, ref line);
            var length = position - start;
            if (length > MaxLineLength)
            {
                rows.Add(new CsvRow(startLine, [], RejectReason.LineTooLong, length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            // A trailing separator (or several) some spreadsheets add is not a column of its own.
            while (fields.Count > header.Count && fields[^1].Trim().Length == 0)
            {
                fields.RemoveAt(fields.Count - 1);
            }

            rows.Add(fields.Count == header.Count
                ? new CsvRow(startLine, fields)
                : new CsvRow(startLine, [], RejectReason.WrongColumnCount,
                    $"{fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{header.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return new CsvTable(encoding, delimiter, header, rows);
    }

    /// <summary>A file of control characters and invalid bytes is no CSV: refuse it early, whatever its size.</summary>
    private static void LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                throw new CsvFileException(FileProblem.Binary, "The file is not text.");
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                control++;
            }
        }

        if (control * 100 > sample.Length)
        {
            throw new CsvFileException(FileProblem.Binary, "The file is not text.");
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFileException(FileProblem.Binary, "The file says it is UTF-8 but is not.");
        }
    }

    private static char DetectDelimiter(ReadOnlySpan<char> header)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ';' when !quoted: semicolons++; break;
                case ',' when !quoted: commas++; break;
                case '\t' when !quoted: tabs++; break;
            }
        }

        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }

    /// <summary>The end of the physical line that starts at <paramref name="position"/> (the index of its \r or \n, or the text's end).</summary>
    private static int LineEnd(string text, int position)
    {
        var end = text.AsSpan(position).IndexOfAny('\r', '\n');
        return end < 0 ? text.Length : position + end;
    }

    private static int SkipNewline(string text, int end)
    {
        if (end < text.Length && text[end] == '\r')
        {
            end++;
        }

        if (end < text.Length && text[end] == '\n')
        {
            end++;
        }

        return end;
    }

    /// <summary>Reads one record (which quoted line breaks may spread over several lines) and moves past it.</summary>
    private static List<string> SplitLine(string text, ref int position, char delimiter, ref int line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var start = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                position++;
                if (position - start > MaxLineLength)
                {
                    // An unclosed quote would swallow the rest of the file: stop at the limit, the caller rejects the line.
                    position = SkipNewline(text, LineEnd(text, position));
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                }

                continue;
            }

            if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                break;
            }
            else
            {
                field.Append(c);
            }

            position++;
        }

        fields.Add(field.ToString());
        position = SkipNewline(text, position);
        line++;
        return fields;
    }
}
