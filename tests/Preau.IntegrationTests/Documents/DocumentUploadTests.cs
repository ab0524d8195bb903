using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Documents;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Versions;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// Uploads and new versions: every refusal (empty, oversize, quota, slashes, control characters,
/// 300 characters) answers its clear error with nothing written (no document, no reference, no
/// room taken); NFC and NFD spellings are one name; a name taken gets " (2)"; the quota follows
/// the real length; versions are listed, restored as the newest, and each holds its reference.
/// </summary>
public abstract class DocumentUploadTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertNothingWrittenAsync(UserContext me, Outcome<DocumentItem> outcome, string field, string error, long usedBefore, int countBefore)
    {
        Assert.True(outcome.Found);
        Assert.Equal([error], outcome.Errors![field]);
        Assert.Equal(countBefore, await app.DocumentCountAsync(me.Id));
        Assert.Equal(usedBefore, await app.UsedAsync(me.Id));
    }

    [Fact]
    public async Task Refused_uploads_say_why_and_leave_nothing_behind()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var used = await app.UsedAsync(claire.Id);
        var count = await app.DocumentCountAsync(claire.Id);
        var root = await app.NewFolderAsync(claire);

        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "vide.pdf", []), DocumentContent.Field, "Error.EmptyFile", used, count);
        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "vide-sans-taille.pdf", [], streamed: true), DocumentContent.Field, "Error.EmptyFile", used, count);
        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "gros.pdf", DocumentsData.Bytes(DocumentsApp.MaxFile + 1, 2)), DocumentContent.Field, "Error.TooLarge", used, count);
        // A length lied about is caught by the store's cap all the same.
        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "menteur.pdf", DocumentsData.Bytes(DocumentsApp.MaxFile + 1, 3), declared: 10), DocumentContent.Field, "Error.TooLarge", used, count);
        foreach (var name in new[] { "../../etc/passwd", "a/b.pdf", "..\\boot.ini", "..", "   " })
        {
            var refused = await app.UploadAsync(claire, root, name, DocumentsData.Bytes(10, 4));
            Assert.True(refused.Errors![UploadDocument.NameField][0] is "Error.NameSlash" or "Error.NameEmpty", name);
        }

        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "rapport\u0007.pdf", DocumentsData.Bytes(10, 5)), UploadDocument.NameField, "Error.NameControl", used, count);
        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, "rapport\u202Efdp.exe", DocumentsData.Bytes(10, 5)), UploadDocument.NameField, "Error.NameControl", used, count);
        await AssertNothingWrittenAsync(claire, await app.UploadAsync(claire, root, new string('a', 296) + ".pdf", DocumentsData.Bytes(10, 6)), UploadDocument.NameField, "Error.NameTooLong", used, count);
        Assert.Equal(count, await app.DocumentCountAsync(claire.Id));

        // 255 characters exactly pass.
        var longest = await app.StoredAsync(claire, root, new string('é', 251) + ".pdf");
        Assert.Equal(255, longest.Name.Length);
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.DeleteDocumentAsync(claire, longest.Id, Ct));
    }

    [Fact]
    public async Task The_quota_is_reserved_first_and_a_full_space_refuses_with_nothing_kept()
    {
        var claire = await app.MeAsync(Personas.Claire);
        await app.DeleteAllAsync(claire);
        var used = await app.UsedAsync(claire.Id);
        var left = (int)(DocumentsApp.TeacherQuota - used) - 100;
        for (var i = 0; left > 0; i++)
        {
            var size = Math.Min(left, DocumentsApp.MaxFile);
            await app.StoredAsync(claire, DocFolder.Root, $"plein-{i}.bin", DocumentsData.Bytes(size, (byte)i));
            left -= size;
        }

        var full = DocumentsApp.TeacherQuota - 100;
        Assert.Equal(full, await app.UsedAsync(claire.Id));
        var count = await app.DocumentCountAsync(claire.Id);

        // Declared or not, 200 bytes no longer fit: refused, nothing kept, the room as it was.
        var declared = await app.UploadAsync(claire, DocFolder.Root, "deux.bin", DocumentsData.Bytes(200, 8));
        var streamed = await app.UploadAsync(claire, DocFolder.Root, "trois.bin", DocumentsData.Bytes(200, 9), streamed: true);
        foreach (var refused in new[] { declared, streamed })
        {
            Assert.Equal(["Error.QuotaFull"], refused.Errors![DocumentContent.Field]);
        }

        Assert.Equal(count, await app.DocumentCountAsync(claire.Id));
        Assert.Equal(full, await app.UsedAsync(claire.Id));

        // Room given back by a deletion for good is usable again; a declared length below the real one is corrected.
        await app.DeleteAllAsync(claire);
        Assert.Equal(used, await app.UsedAsync(claire.Id));
        var lied = await app.UploadAsync(claire, DocFolder.Root, "menteur.bin", DocumentsData.Bytes(3000, 10), declared: 5);
        Assert.True(lied.Succeeded);
        Assert.Equal(used + 3000, await app.UsedAsync(claire.Id));
        await app.DeleteAllAsync(claire);
    }

    [Fact]
    public async Task Nfc_and_nfd_spellings_are_one_name_and_a_taken_name_gets_a_number()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var nfc = "Élève.pdf".Normalize(NormalizationForm.FormC);
        var nfd = "Élève.pdf".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        var folder = await app.NewFolderAsync(claire);
        var first = await app.StoredAsync(claire, folder, nfd);
        var second = await app.StoredAsync(claire, folder, nfc);
        var third = await app.StoredAsync(claire, folder, nfd);

        Assert.Equal(nfc, first.Name);
        Assert.Equal("Élève (2).pdf".Normalize(NormalizationForm.FormC), second.Name);
        Assert.Equal("Élève (3).pdf".Normalize(NormalizationForm.FormC), third.Name);
    }

    [Fact]
    public async Task Several_uploads_of_one_name_at_once_all_get_a_name_of_their_own()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => app.UploadAsync(claire, folder, "même.txt", DocumentsData.Bytes(50, (byte)i))));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(6, outcomes.Select(o => o.Value!.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_an_older_one_restored_becomes_the_newest()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var v1Bytes = DocumentsData.Bytes(300, 11);
        var document = await app.StoredAsync(claire, DocFolder.Root, "fiche.pdf", v1Bytes);
        var v1Key = await app.KeyAsync(document.Id);
        var used = await app.UsedAsync(claire.Id);

        var v2 = await app.WithAsync<DocumentVersions, Outcome<VersionItem>>(v => v.UploadAsync(claire, document.Id, "application/pdf", new MemoryStream(DocumentsData.Bytes(500, 12)), null, null, Ct));
        Assert.True(v2.Succeeded);
        Assert.Equal(2, v2.Value!.Number);
        Assert.Equal(used + 500, await app.UsedAsync(claire.Id));

        var versions = (await app.WithAsync<DocumentVersions, IReadOnlyList<VersionItem>?>(v => v.ListAsync(claire, document.Id, Ct)))!;
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.True(versions[0].Current);

        var restored = await app.WithAsync<DocumentVersions, Outcome<VersionItem>>(v => v.RestoreAsync(claire, document.Id, versions[1].Id, Ct));
        Assert.True(restored.Succeeded);
        Assert.Equal(3, restored.Value!.Number);
        Assert.Equal(v1Key, await app.KeyAsync(document.Id));
        Assert.Equal(2, await app.RefsAsync(v1Key));
        Assert.Equal(used + 500 + 300, await app.UsedAsync(claire.Id));

        // An empty version is refused; the current one stays.
        var empty = await app.WithAsync<DocumentVersions, Outcome<VersionItem>>(v => v.UploadAsync(claire, document.Id, null, new MemoryStream([]), null, null, Ct));
        Assert.Equal(["Error.EmptyFile"], empty.Errors![DocumentContent.Field]);
        Assert.Equal(3, (await app.WithDbAsync(db => db.Set<DocDocument>().SingleAsync(d => d.Id == document.Id, Ct))).VersionNumber);

        // Deleted for good: every version's reference and room go back.
        Assert.True((await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.DeleteDocumentAsync(claire, document.Id, Ct))).Succeeded);
        Assert.Equal(used - 300, await app.UsedAsync(claire.Id));
        Assert.Equal(0, await app.RefsAsync(v1Key));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DocVersion>().CountAsync(v => v.DocumentId == document.Id, Ct)));
    }

    [Fact]
    public async Task The_longest_name_is_counted_in_characters_after_normalization()
    {
        Assert.Null(DocumentNames.Check(new string('e', 255)).Error);
        // 255 "é" decomposed are 510 UTF-16 units, yet 255 characters once composed.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 255));
        var (name, error) = DocumentNames.Check(decomposed);
        Assert.Null(error);
        Assert.Equal(255, name.Length);
        Assert.Equal("Error.NameTooLong", DocumentNames.Check(new string('x', 300)).Error);
        Assert.Equal("Error.NameTooLong", DocumentNames.Check(new string('x', 256)).Error);
        Assert.Equal(255, DocumentNames.Numbered(new string('x', 251) + ".pdf", 12, hasExtension: true).Length);
        await Task.CompletedTask;
    }
}

public sealed class SqliteDocumentUploadTests(SqliteDocumentsApp app) : DocumentUploadTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentUploadTests(PostgresDocumentsApp app) : DocumentUploadTests(app), IClassFixture<PostgresDocumentsApp>;
