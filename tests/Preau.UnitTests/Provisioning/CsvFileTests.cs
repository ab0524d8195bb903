using System.Text;
using Preau.Platform.Kernel;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;
using Preau.Provisioning.Reading;

namespace Preau.UnitTests.Provisioning;

/// <summary>Reading French school exports: encodings, separators, quotes, headers, values.</summary>
public sealed class CsvFileTests
{
    private static CsvTable Read(byte[] bytes)
    {
        var (text, encoding) = CsvFile.Decode(bytes);
        return CsvFile.Parse(text, encoding);
    }

    [Fact]
    public void Utf8_with_a_bom_and_semicolons_is_read()
    {
        var table = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Nom;Prénom\r\nLefèvre;Zoé\r\n")]);

        Assert.Equal("UTF-8", table.Encoding);
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Nom", "Prénom"], table.Header);
        Assert.Equal(["Lefèvre", "Zoé"], table.Rows.Single().Fields);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_windows_1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var table = Read(Encoding.GetEncoding(1252).GetBytes("Nom\tPrénom\nŒuvray\tÉloïse\n"));

        Assert.Equal("Windows-1252", table.Encoding);
        Assert.Equal('\t', table.Delimiter);
        Assert.Equal(["Œuvray", "Éloïse"], table.Rows.Single().Fields);
    }

    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_lines_are_numbered_from_the_header()
    {
        var table = Read(Encoding.UTF8.GetBytes("Nom,Prénom,Note\n\"Da Silva, Jr\",\"Ana \"\"Nana\"\"\",\"deux\nlignes\"\n\nMartin,Léa,x\n"));

        Assert.Equal(',', table.Delimiter);
        Assert.Equal(["Da Silva, Jr", "Ana \"Nana\"", "deux\nlignes"], table.Rows[0].Fields);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(5, table.Rows[1].Line);
    }

    [Fact]
    public void A_line_too_long_or_with_the_wrong_number_of_fields_is_rejected_on_its_own()
    {
        var table = Read(Encoding.UTF8.GetBytes($"A;B;C\n1;2;3\n{new string('x', 10_000)}\n1;2\n1;2;3;;\n\"unclosed;{new string('y', 3_000)}\n"));

        Assert.Null(table.Rows[0].Problem);
        Assert.Equal(RejectReason.LineTooLong, table.Rows[1].Problem);
        Assert.Equal(RejectReason.WrongColumnCount, table.Rows[2].Problem);
        Assert.Null(table.Rows[3].Problem); // a trailing separator is no column
        Assert.Equal(RejectReason.LineTooLong, table.Rows[4].Problem);
    }

    [Theory]
    [InlineData(new byte[0], FileProblem.Empty)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, FileProblem.Binary)]
    [InlineData(new byte[] { 0x0A, 0x0A, 0x20 }, FileProblem.NoHeader)]
    public void Files_that_are_no_csv_say_why(byte[] bytes, FileProblem problem)
    {
        var error = Assert.Throws<CsvFileException>(() => Read(bytes));
        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("Nom", ImportKind.Pupils, ImportField.LastName)]
    [InlineData("PRÉNOM", ImportKind.Pupils, ImportField.FirstName)]
    [InlineData("Date de naissance", ImportKind.Pupils, ImportField.BirthDate)]
    [InlineData("Né(e) le", ImportKind.Pupils, ImportField.BirthDate)]
    [InlineData("INE", ImportKind.Pupils, ImportField.ExternalId)]
    [InlineData("Id national", ImportKind.Pupils, ImportField.ExternalId)]
    [InlineData("E-mail", ImportKind.Staff, ImportField.Email)]
    [InlineData("Courriel responsable 2", ImportKind.Pupils, ImportField.Relative2Email)]
    [InlineData("Nom du représentant légal 1", ImportKind.Pupils, ImportField.Relative1LastName)]
    [InlineData("Téléphone resp. 1", ImportKind.Pupils, ImportField.Relative1Phone)]
    [InlineData("Nom élève", ImportKind.Pupils, ImportField.LastName)]
    [InlineData("Nom de l'enfant", ImportKind.Relatives, ImportField.ChildLastName)]
    [InlineData("Date de naissance enfant", ImportKind.Relatives, ImportField.ChildBirthDate)]
    [InlineData("Matières", ImportKind.Staff, ImportField.Subjects)]
    public void French_headers_suggest_their_field(string header, ImportKind kind, ImportField field) =>
        Assert.Equal(field, ImportFields.Suggest(kind, header));

    [Theory]
    [InlineData("14/03/2017", 2017, 3, 14)]
    [InlineData("4/3/2017", 2017, 3, 4)]
    [InlineData("2017-03-14", 2017, 3, 14)]
    [InlineData("14/03/2017 00:00:00", 2017, 3, 14)]
    public void Dates_are_read_in_french_and_iso_forms(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Values.Date(text));

    [Theory]
    [InlineData("31/02/2017")]
    [InlineData("03/14/2017")]
    [InlineData("hier")]
    [InlineData("01/01/1850")]
    public void Impossible_dates_are_refused(string text) => Assert.Null(Values.Date(text));

    [Theory]
    [InlineData("CM1 B", ClassLevel.CM1)]
    [InlineData("6e A", ClassLevel.Sixieme)]
    [InlineData("5B", ClassLevel.Cinquieme)]
    [InlineData("CE2-CM1", ClassLevel.CE2)]
    [InlineData("PS Les Lutins", ClassLevel.PS)]
    [InlineData("2nde 3", ClassLevel.Seconde)]
    public void A_class_name_gives_its_level(string name, ClassLevel level) => Assert.Equal(level, Values.LevelOfClassName(name));

    [Fact]
    public void A_class_name_without_a_level_gives_none() => Assert.Null(Values.LevelOfClassName("Atelier théâtre"));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+33 6", "'+33 6")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("Martin", "Martin")]
    [InlineData("Da Silva; Jr", "\"Da Silva; Jr\"")]
    public void Exported_cells_never_start_a_formula(string value, string cell) => Assert.Equal(cell, CsvExport.Cell(value));

    [Fact]
    public void A_mapping_survives_its_round_trip()
    {
        var mapping = new ColumnMapping(new Dictionary<ImportField, int> { [ImportField.LastName] = 2, [ImportField.Relative1Email] = 11 });

        var again = ColumnMapping.Parse(mapping.Serialize());

        Assert.Equal(mapping.Columns.OrderBy(c => c.Key), again.Columns.OrderBy(c => c.Key));
        Assert.Equal([ImportField.FirstName, ImportField.BirthDate, ImportField.ClassName], ImportFields.Missing(ImportKind.Pupils, again));
    }
}
