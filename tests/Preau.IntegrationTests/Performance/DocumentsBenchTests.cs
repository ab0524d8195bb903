using Preau.Bench.Documents;
using Preau.Testing;

namespace Preau.IntegrationTests.Performance;

/// <summary>
/// The document space benchmark at a small size, the application running in a process of its own
/// on Kestrel: the files come back byte for byte and the server's memory does not follow the file's
/// size; a page read by cursor (after=) reads one range of its sort's index, and reading the folder
/// page after page, or cursor after cursor both ways, gives each document once, in order, in the three orders.
/// </summary>
public abstract class DocumentsBenchTests(DatabaseKind kind)
{
    private static readonly DocumentsBenchOptions Small = new() { Sizes = [4, 32], Documents = 3_000, Space = 4_000, Samples = 5, Rounds = 2 };

    [Fact]
    public async Task Runs_small_with_files_streamed_and_pages_on_their_index()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-documents-bench-").FullName;
        try
        {
            await using var database = await TestDatabase.CreateAsync(kind, folder);
            var server = kind == DatabaseKind.Postgres ? database.ConnectionString : null;
            var report = await DocumentsBenchProgram.RunAsync(database.Provider.ToString(), server, folder,
                kind == DatabaseKind.Postgres ? Small with { Sizes = [] } : Small, TestContext.Current.CancellationToken);

            if (kind == DatabaseKind.Sqlite)
            {
                Assert.Contains("Every file downloaded is the one uploaded, byte for byte", report, StringComparison.Ordinal);
                Assert.Contains("| file system | 32 MB | 2 |", report, StringComparison.Ordinal);
                Assert.Contains("file system: the server's memory grew by at most", report, StringComparison.Ordinal);
                Assert.Contains("it does not follow the file's size (streamed, not buffered).", report, StringComparison.Ordinal);
            }

            // Equal sort names, dates and sizes in groups: the order rests on the id, by page number and by cursor, both ways.
            foreach (var sort in new[] { "name", "date", "size" })
            {
                Assert.Contains($"Read page after page by {sort} asc, the folder gives each of its 3,000 documents exactly once, in order.", report, StringComparison.Ordinal);
                Assert.Contains($"Read cursor after cursor by {sort} asc, the folder gives each of its 3,000 documents exactly once, in order.", report, StringComparison.Ordinal);
                Assert.Contains($"Read cursor after cursor by {sort} desc, the folder gives each of its 3,000 documents exactly once, in order.", report, StringComparison.Ordinal);
                Assert.Contains($"The last page (60) by cursor, by {sort}, folder of 3,000 reads ix_doc_documents_by_{sort} as one range (no sort of the folder).", report, StringComparison.Ordinal);
            }

            Assert.Contains("The middle page (30) by cursor, by name, folder of 3,000 reads ix_doc_documents_by_name as one range (no sort of the folder).", report, StringComparison.Ordinal);

            Assert.Contains("| last page (60) by cursor (after=), by date asc | folder of 3,000 | 5 |", report, StringComparison.Ordinal);
            Assert.Contains("| name search \"sortie\" | space of 4,000 | 5 |", report, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteDocumentsBenchTests() : DocumentsBenchTests(DatabaseKind.Sqlite);

public sealed class PostgresDocumentsBenchTests() : DocumentsBenchTests(DatabaseKind.Postgres);
