using Preau.Documents;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.IntegrationTests.Messaging;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// Deep pages by cursor (keyset): reading a folder cursor after cursor gives the same rows in the
/// same order as page after page, in every sort and both ways, even when names fold alike and dates
/// and sizes are equal (the id settles the order); a cursor of another order starts again at the top.
/// </summary>
public abstract class DocumentListingCursorTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cursor_pages_follow_the_numbered_pages_in_every_order_with_equal_keys()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 40; i++)
            {
                // Pairs fold alike ("Dictée 3.pdf", "dictee 3.pdf"), five equal dates, four equal sizes.
                var shown = $"Dictée {i / 2}.pdf";
                var name = i % 2 == 0 ? shown : DocumentNames.SortKey(shown);
                db.Add(new DocDocument
                {
                    Id = Guid.NewGuid(), OwnerId = claire.Id, FolderId = folder, Name = name, SortName = DocumentNames.SortKey(name), Length = i % 4,
                    CurrentVersionId = Guid.NewGuid(), VersionNumber = 1, CreatedAt = now, UpdatedAt = now.AddMinutes(i % 5),
                });
            }

            await db.SaveChangesAsync(Ct);
        });

        foreach (var sort in new[] { DocumentSort.Name, DocumentSort.Date, DocumentSort.Size })
        {
            foreach (var descending in new[] { false, true })
            {
                var numbered = new List<Guid>();
                for (var page = 1; ; page++)
                {
                    var listing = (await ListAsync(l => l.ListAsync(claire, folder, sort, descending, null, page, 7, Ct)))!;
                    numbered.AddRange(listing.Documents.Select(d => d.Id));
                    if (!listing.HasMore)
                    {
                        Assert.Null(listing.Next);
                        break;
                    }
                }

                var byCursor = new List<Guid>();
                string? after = null;
                do
                {
                    var listing = (await ListAsync(l => l.ListAfterAsync(claire, folder, sort, descending, null, after, 7, Ct)))!;
                    Assert.Equal(after is null ? 1 : 0, listing.Page);
                    byCursor.AddRange(listing.Documents.Select(d => d.Id));
                    after = listing.Next;
                }
                while (after is not null);

                Assert.Equal(40, numbered.Distinct().Count());
                Assert.Equal(numbered, byCursor);
            }
        }

        // A cursor of another order (or no cursor at all) reads the first page.
        var first = (await ListAsync(l => l.ListAsync(claire, folder, DocumentSort.Size, false, null, 1, 7, Ct)))!;
        var nameCursor = (await ListAsync(l => l.ListAsync(claire, folder, DocumentSort.Name, false, null, 1, 7, Ct)))!.Next;
        var mixed = (await ListAsync(l => l.ListAfterAsync(claire, folder, DocumentSort.Size, false, null, nameCursor, 7, Ct)))!;
        Assert.Equal(first.Documents.Select(d => d.Id), mixed.Documents.Select(d => d.Id));
        var garbage = (await ListAsync(l => l.ListAfterAsync(claire, folder, DocumentSort.Size, false, null, "sa_x_y", 7, Ct)))!;
        Assert.Equal(first.Documents.Select(d => d.Id), garbage.Documents.Select(d => d.Id));
    }

    private Task<FolderListing?> ListAsync(Func<ListFolder, Task<FolderListing?>> read) => app.WithAsync(read);
}

public sealed class SqliteDocumentListingCursorTests(SqliteDocumentsApp app) : DocumentListingCursorTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentListingCursorTests(PostgresDocumentsApp app) : DocumentListingCursorTests(app), IClassFixture<PostgresDocumentsApp>;
