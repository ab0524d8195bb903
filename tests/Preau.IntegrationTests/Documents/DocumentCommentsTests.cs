using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Documents.Features.Comments;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// Comments on a document: whoever may read it reads and adds them (plain text, 2,000 characters
/// at most), its author or the document's owner deletes one, the owner is told in their feed when
/// someone else comments; anyone else, and a guessed id, gets 404.
/// </summary>
public abstract class DocumentCommentsTests(DocumentItemApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Claire, Guid Document)> SharedWithSophieAsync()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var (_, ids) = await DocumentPages.FolderWithAsync(claire, ("Sortie.pdf", DocumentPages.Pdf, "application/pdf"));
        await DocumentPages.ShareAsync(claire, "documents.file", ids[0], ("user", await app.PersonAsync(Personas.Sophie), "read"));
        return (claire, ids[0]);
    }

    [Fact]
    public async Task A_reader_comments_through_the_page_everyone_who_reads_sees_it_and_the_owner_is_told()
    {
        var (claire, id) = await SharedWithSophieAsync();
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var claireId = await app.PersonAsync(Personas.Claire);

        var posted = await DocumentPages.PostPageAsync(sophie, id, "comment", ("body", "Merci, <b>Léa</b> viendra !\r\nÀ jeudi."));
        Assert.Equal($"/documents/{id}?fait=commente#commentaires", posted.RedirectTarget());

        var html = await DocumentPages.PageAsync(claire, $"/documents/{id}");
        Assert.Contains("Merci, <b>Léa</b> viendra !\nÀ jeudi.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>L", html, StringComparison.Ordinal);
        Assert.Contains("Sophie Dubois", html, StringComparison.Ordinal);

        var told = await app.WithDbAsync(db => db.Set<FeedEvent>().Where(e => e.Type == DocumentComments.FeedType && e.ResourceKey == DocumentComments.ResourceKey(id))
            .Select(e => new { e.Link, Recipients = db.Set<FeedRecipient>().Where(r => r.EventId == e.Id).Select(r => r.UserId).ToList() }).SingleAsync(Ct));
        Assert.Equal($"/documents/{id}#commentaires", told.Link);
        Assert.Equal([claireId], told.Recipients);

        // The owner's own comment tells nobody.
        Assert.Equal($"/documents/{id}?fait=commente#commentaires", (await DocumentPages.PostPageAsync(claire, id, "comment", ("body", "Avec plaisir."))).RedirectTarget());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FeedEvent>().CountAsync(e => e.Type == DocumentComments.FeedType && e.ResourceKey == DocumentComments.ResourceKey(id), Ct)));

        // Someone who may not read it neither reads nor writes.
        var hugo = await app.MeAsync(Personas.Hugo);
        Assert.Null(await app.WithAsync<DocumentComments, IReadOnlyList<CommentItem>?>(c => c.ListAsync(hugo, id, Ct)));
        Assert.False((await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(hugo, id, "Intrus", Ct))).Found);
        Assert.False((await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(hugo, Guid.CreateVersion7(), "Intrus", Ct))).Found);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<DocComment>().CountAsync(c => c.DocumentId == id, Ct)));
    }

    [Fact]
    public async Task An_empty_or_too_long_comment_is_refused_and_kept_in_its_box()
    {
        var (_, id) = await SharedWithSophieAsync();
        var sophie = await app.MeAsync(Personas.Sophie);
        foreach (var body in new[] { "  \r\n ", new string('a', DocComment.MaxLength + 1) })
        {
            var outcome = await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(sophie, id, body, Ct));
            Assert.True(outcome.Found);
            Assert.False(outcome.Succeeded);
        }

        Assert.True((await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(sophie, id, new string('a', DocComment.MaxLength), Ct))).Succeeded);
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var refused = await DocumentPages.PostPageAsync(client, id, "comment", ("body", new string('b', DocComment.MaxLength + 5)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("2\u00a0000 caractères au plus", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(new string('b', DocComment.MaxLength + 5), html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<DocComment>().CountAsync(c => c.DocumentId == id, Ct)));
    }

    [Fact]
    public async Task Its_author_or_the_owner_deletes_a_comment_and_no_one_else()
    {
        var (claire, id) = await SharedWithSophieAsync();
        var sophie = await app.MeAsync(Personas.Sophie);
        var lea = await app.MeAsync(Personas.Lea);
        await DocumentPages.ShareAsync(claire, "documents.file", id, ("user", sophie.Id, "read"), ("user", lea.Id, "read"));
        var first = (await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(sophie, id, "Premier", Ct))).Value!;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await app.WithAsync<DocumentComments, Outcome<CommentItem>>(c => c.AddAsync(sophie, id, "Second", Ct))).Value!;

        // Another reader sees the comments but may not delete them.
        var seen = await app.WithAsync<DocumentComments, IReadOnlyList<CommentItem>?>(c => c.ListAsync(lea, id, Ct));
        Assert.Equal(["Premier", "Second"], seen!.Select(c => c.Body));
        Assert.All(seen!, c => Assert.False(c.CanDelete));
        Assert.False((await app.WithAsync<DocumentComments, Outcome<Done>>(c => c.DeleteAsync(lea, id, first.Id, Ct))).Found);

        // The author deletes hers; the owner deletes the other, through the page.
        Assert.True((await app.WithAsync<DocumentComments, Outcome<Done>>(c => c.DeleteAsync(sophie, id, first.Id, Ct))).Succeeded);
        var deleted = await DocumentPages.PostPageAsync(claire, id, "deletecomment", ("comment", second.Id.ToString()));
        Assert.Equal($"/documents/{id}?fait=commentaire-supprime#commentaires", deleted.RedirectTarget());
        var left = await app.WithAsync<DocumentComments, IReadOnlyList<CommentItem>?>(c => c.ListAsync(lea, id, Ct));
        Assert.All(left!, c => Assert.True(c.Deleted && c.Body.Length == 0));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DocComment>().CountAsync(c => c.DocumentId == id && c.Body != "", Ct)));

        // Deleted for good, the document takes its comments with it.
        var owner = await app.MeAsync(Personas.Claire);
        Assert.True((await app.WithAsync<Preau.Documents.Features.Files.DocumentTrash, Outcome<Done>>(t => t.DeleteDocumentAsync(owner, id, Ct))).Succeeded);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DocComment>().CountAsync(c => c.DocumentId == id, Ct)));
    }
}

public sealed class SqliteDocumentCommentsTests(SqliteDocumentItemApp app) : DocumentCommentsTests(app), IClassFixture<SqliteDocumentItemApp>;

public sealed class PostgresDocumentCommentsTests(PostgresDocumentItemApp app) : DocumentCommentsTests(app), IClassFixture<PostgresDocumentItemApp>;
