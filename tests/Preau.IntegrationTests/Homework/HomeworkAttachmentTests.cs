using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Documents;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Homework;

/// <summary>
/// Documents joined to homework and lessons from the teacher's space: held by one more reference
/// to the document's content (charged to the teacher), downloaded by exactly those who read the
/// entry — the class's pupils whose list shows it, their parents — and 404 for anyone else; frozen
/// by a visa; given back when the entry goes; a document the teacher may not read attaches nothing.
/// </summary>
public abstract class HomeworkAttachmentTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Download(Guid attachmentId) => $"/cahier-de-textes/pieces/{attachmentId}";

    private Task<List<HwAttachment>> AttachmentsOfAsync(Guid entryId) =>
        app.WithDbAsync(db => db.Set<HwAttachment>().AsNoTracking().Where(a => a.HomeworkId == entryId || a.SessionId == entryId).OrderBy(a => a.Order).ToListAsync(Ct));

    private Task<Outcome<IReadOnlyList<AttachmentView>>> AttachAsync(UserContext me, EntryKind kind, Guid entryId, params Guid[] documents) =>
        app.WithAsync<HomeworkAttachments, Outcome<IReadOnlyList<AttachmentView>>>(a => a.AttachAsync(me, kind, entryId, documents, Ct));

    private async Task<(UserContext Paul, Guid Document, string Key, HwBook Book)> PaulsWorksheetAsync(string name, int length = 1200, byte seed = 7)
    {
        var paul = await app.MeAsync(Personas.Paul);
        var folder = await app.NewFolderAsync(paul);
        var document = await app.StoredAsync(paul, folder, name, DocumentsData.Bytes(length, seed));
        return (paul, document.Id, await app.KeyAsync(document.Id), await app.FrenchOf5eBAsync());
    }

    [Fact]
    public async Task A_teacher_attaches_a_document_of_his_space_that_the_class_and_its_parents_download_and_no_one_else()
    {
        var (paul, document, key, book) = await PaulsWorksheetAsync("Fiche d’exercices.pdf");
        var homework = await app.SetAsync(Personas.Paul, book.Id, await app.NextSchoolDayAsync(await app.TodayAsync()), "Faire la fiche d’exercices");
        var used = await app.UsedAsync(paul.Id);

        // Through the picker page, without JavaScript: a search finds it, the choice is posted; a
        // return address of another site is not followed (back to the book).
        var client = await app.SignedInClientAsync(Personas.Paul);
        var picker = $"/cahier-de-textes/joindre?devoir={homework.Id}";
        Assert.Contains("Fiche d’exercices.pdf", WebUtility.HtmlDecode(await client.GetStringAsync(picker + "&q=exercices", Ct)), StringComparison.Ordinal);
        var token = await PreauApp.AntiforgeryTokenAsync(client, picker);
        var posted = await client.PostAsync(picker + "&retour=" + Uri.EscapeDataString("//evil.example/x"),
            new FormUrlEncodedContent([new("__csrf", token), new("documents", document.ToString())]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/cahier-de-textes/{book.Id}", posted.Headers.Location?.OriginalString);

        var attached = Assert.Single(await AttachmentsOfAsync(homework.Id));
        Assert.Equal((key, "Fiche d’exercices.pdf", 1200L, paul.Id), (attached.BlobKey, attached.Name, attached.Length, attached.AddedBy));
        Assert.Equal(2, await app.RefsAsync(key));
        Assert.Equal(used + 1200, await app.UsedAsync(paul.Id));

        // Hugo, of the class, finds it in his list and downloads it, served as every file is.
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Contains($"href=\"{Download(attached.Id)}\"", await hugo.GetStringAsync("/a-faire", Ct), StringComparison.Ordinal);
        var file = await hugo.GetAsync(Download(attached.Id), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(DocumentsData.Bytes(1200, 7), await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        var todo = await hugo.GetFromJsonAsync<JsonElement>("/api/v1/homework/todo", Ct);
        var item = todo[0].GetProperty("upcoming").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == homework.Id);
        Assert.Equal("Fiche d’exercices.pdf", item.GetProperty("attachments")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await hugo.GetAsync(item.GetProperty("attachments")[0].GetProperty("url").GetString(), Ct)).StatusCode);

        // His mother too; a pupil of another class, another child's parent, someone signed out: 404.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Sophie)).GetAsync(Download(attached.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Lea)).GetAsync(Download(attached.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Marc)).GetAsync(Download(attached.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(Download(attached.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync(Download(Guid.NewGuid()), Ct)).StatusCode);
        var karim = await app.MeAsync(Personas.Karim);
        Assert.Null(await app.WithAsync<HomeworkAttachments, HomeworkAttachments.Download?>(a => a.OpenAsync(karim, attached.Id, Ct)));

        // The teacher's book shows it, with a button to take it off and the link to the picker.
        var week = await client.GetStringAsync($"/cahier-de-textes/{book.Id}?semaine={homework.DueOn:yyyy-MM-dd}", Ct);
        Assert.Contains($"href=\"{Download(attached.Id)}\"", week, StringComparison.Ordinal);
        Assert.Contains($"name=\"piece\" value=\"{attached.Id}\"", week, StringComparison.Ordinal);
        Assert.Contains($"/cahier-de-textes/joindre?devoir={homework.Id}", week, StringComparison.Ordinal);
        var today = await app.TodayAsync();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/homework/books/{book.Id}?from={today:yyyy-MM-dd}&to={today.AddDays(7):yyyy-MM-dd}", Ct);
        var line = page.GetProperty("homework").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == homework.Id);
        Assert.Equal(attached.Id, line.GetProperty("attachments")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_targeted_or_not_yet_visible_homeworks_document_is_refused_to_the_pupils_it_is_not_shown_to()
    {
        var (paul, document, _, book) = await PaulsWorksheetAsync("Corrigé personnel.pdf", 300, 9);
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var other = (await app.PupilsOfAsync(book.AudienceGroupId)).First(p => p != hugo);
        var due = await app.NextSchoolDayAsync(await app.TodayAsync());
        var targeted = await app.SetAsync(Personas.Paul, book.Id, due, "Reprendre la dictée", pupils: [other]);
        Assert.True((await AttachAsync(paul, EntryKind.Homework, targeted.Id, document)).Succeeded);
        var attached = Assert.Single(await AttachmentsOfAsync(targeted.Id));

        var hugoClient = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await hugoClient.GetAsync(Download(attached.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Sophie)).GetAsync(Download(attached.Id), Ct)).StatusCode);
        // Targeted to Hugo instead: his, and his mother's.
        var forHugo = await app.SetAsync(Personas.Paul, book.Id, due, "Reprendre la dictée (Hugo)", pupils: [hugo]);
        Assert.True((await AttachAsync(paul, EntryKind.Homework, forHugo.Id, document)).Succeeded);
        var his = Assert.Single(await AttachmentsOfAsync(forHugo.Id));
        Assert.Equal(HttpStatusCode.OK, (await hugoClient.GetAsync(Download(his.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Sophie)).GetAsync(Download(his.Id), Ct)).StatusCode);

        // Prepared for tomorrow morning: the teacher reads it, the class not yet.
        var later = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(paul, book.Id,
            new HomeworkInput(null, due, HomeworkKind.Read, "<p>Lire la suite</p>", VisibleFrom: app.Clock.GetUtcNow().AddDays(1)), Ct));
        Assert.True((await AttachAsync(paul, EntryKind.Homework, later.Value!.Id, document)).Succeeded);
        var prepared = Assert.Single(await AttachmentsOfAsync(later.Value.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await hugoClient.GetAsync(Download(prepared.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Paul)).GetAsync(Download(prepared.Id), Ct)).StatusCode);
    }

    [Fact]
    public async Task Under_a_visa_nothing_is_attached_or_removed()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var first = await app.StoredAsync(claire, folder, "Frise chronologique.pdf", DocumentsData.Bytes(400, 11));
        var second = await app.StoredAsync(claire, folder, "Carte de France.pdf", DocumentsData.Bytes(500, 12));
        var book = await app.BookOfCe2Async("Histoire");
        var today = await app.TodayAsync();
        var homework = await app.SetAsync(Personas.Claire, book.Id, today.AddDays(2), "Apprendre les dates de la frise");
        var session = await app.WithAsync<WriteDiary, Outcome<HwSession>>(w => w.SaveSessionAsync(claire, book.Id, null, new SessionInput(today, null, null, "Les Gaulois", null), Ct));
        Assert.True((await AttachAsync(claire, EntryKind.Homework, homework.Id, first.Id)).Succeeded);
        var attached = Assert.Single(await AttachmentsOfAsync(homework.Id));

        // The étude's animator helps Léa, of CE2 A, with it; not with Paul's 5e B homework (see below).
        var karim = await app.MeAsync(Personas.Karim);
        var forEtude = await app.WithAsync<HomeworkAttachments, HomeworkAttachments.Download?>(a => a.OpenAsync(karim, attached.Id, Ct));
        Assert.NotNull(forEtude);
        await forEtude.Content.DisposeAsync();

        var isabelle = await app.MeAsync(Personas.Isabelle);
        Assert.True((await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(isabelle, book.Id, today, null, Ct))).Succeeded);

        var more = await AttachAsync(claire, EntryKind.Homework, homework.Id, second.Id);
        Assert.Equal("Error.Frozen", more.Errors![HomeworkAttachments.Field][0]);
        Assert.Equal("Error.Frozen", (await AttachAsync(claire, EntryKind.Session, session.Value!.Id, second.Id)).Errors![HomeworkAttachments.Field][0]);
        var removed = await app.WithAsync<HomeworkAttachments, Outcome<Done>>(a => a.RemoveAsync(claire, attached.Id, Ct));
        Assert.Equal("Error.Frozen", removed.Errors![HomeworkAttachments.Field][0]);
        Assert.Equal([attached.Id], (await AttachmentsOfAsync(homework.Id)).Select(a => a.Id));
        Assert.Empty(await AttachmentsOfAsync(session.Value.Id));
        Assert.Equal(1, await app.RefsAsync(await app.KeyAsync(second.Id)));

        // Over the API: a clear sentence in French.
        var client = await app.SignedInClientAsync(Personas.Claire);
        var refused = await client.PostAsJsonAsync($"/api/v1/homework/homework/{homework.Id}/attachments", new { documentIds = new[] { second.Id } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sous visa", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"/api/v1/homework/attachments/{attached.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_reference_goes_back_when_the_document_is_taken_off_or_its_entry_removed_and_a_copy_takes_one_more()
    {
        var (paul, document, key, book) = await PaulsWorksheetAsync("Texte de la dictée.pdf", 800, 13);
        var today = await app.TodayAsync();
        var used = await app.UsedAsync(paul.Id);
        var homework = await app.SetAsync(Personas.Paul, book.Id, today.AddDays(3), "Préparer la dictée");
        var session = await app.WithAsync<WriteDiary, Outcome<HwSession>>(w => w.SaveSessionAsync(paul, book.Id, null, new SessionInput(today.AddDays(1), null, null, "La dictée", null), Ct));
        Assert.True((await AttachAsync(paul, EntryKind.Homework, homework.Id, document)).Succeeded);
        Assert.True((await AttachAsync(paul, EntryKind.Session, session.Value!.Id, document)).Succeeded);
        Assert.Equal(3, await app.RefsAsync(key));
        Assert.Equal(used + 1600, await app.UsedAsync(paul.Id));

        // Copied to his Latin book of 5e B: one more reference, charged to him.
        var latin = await app.WithAsync<ManageBooks, Outcome<HwBook>>(m => m.OpenAsync(paul, paul.Classes.Single(c => c.Name == "5e B").Id, null, "Latin", Ct));
        var copy = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.CopyHomeworkAsync(paul, homework.Id, latin.Value!.Id, Ct));
        Assert.True(copy.Succeeded);
        Assert.Equal(key, Assert.Single(await AttachmentsOfAsync(copy.Value!.Id)).BlobKey);
        Assert.Equal(4, await app.RefsAsync(key));

        // Each removal gives one back: the homework, the lesson, a document taken off the copy.
        Assert.True((await app.WithAsync<WriteDiary, Outcome<Done>>(w => w.DeleteHomeworkAsync(paul, homework.Id, Ct))).Succeeded);
        Assert.Empty(await AttachmentsOfAsync(homework.Id));
        Assert.Equal(3, await app.RefsAsync(key));
        Assert.True((await app.WithAsync<WriteDiary, Outcome<Done>>(w => w.DeleteSessionAsync(paul, session.Value.Id, Ct))).Succeeded);
        Assert.Equal(2, await app.RefsAsync(key));
        var onCopy = Assert.Single(await AttachmentsOfAsync(copy.Value.Id));
        var hugo = await app.MeAsync(Personas.Hugo);
        Assert.False((await app.WithAsync<HomeworkAttachments, Outcome<Done>>(a => a.RemoveAsync(hugo, onCopy.Id, Ct))).Found);
        // Taken off on the picker page, which comes back to itself.
        var client = await app.SignedInClientAsync(Personas.Paul);
        var picker = $"/cahier-de-textes/joindre?devoir={copy.Value.Id}";
        Assert.Contains($"name=\"piece\" value=\"{onCopy.Id}\"", await client.GetStringAsync(picker, Ct), StringComparison.Ordinal);
        var token = await PreauApp.AntiforgeryTokenAsync(client, picker);
        // As the page's form does: the Remove handler, back to the picker.
        var removed = await client.PostAsync($"{picker}&retour={Uri.EscapeDataString(picker)}&handler=Remove", new FormUrlEncodedContent([new("__csrf", token), new("piece", onCopy.Id.ToString())]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(picker, removed.Headers.Location?.OriginalString);
        Assert.Empty(await AttachmentsOfAsync(copy.Value.Id));
        Assert.Equal(1, await app.RefsAsync(key));
        Assert.Equal(used, await app.UsedAsync(paul.Id));
    }

    [Fact]
    public async Task A_document_the_teacher_may_not_read_or_an_entry_he_does_not_write_attaches_nothing()
    {
        var (paul, mine, key, book) = await PaulsWorksheetAsync("Ma fiche.pdf", 200, 15);
        var claire = await app.MeAsync(Personas.Claire);
        var hers = await app.StoredAsync(claire, await app.NewFolderAsync(claire), "Fiche de Claire.pdf", DocumentsData.Bytes(300, 16));
        var homework = await app.SetAsync(Personas.Paul, book.Id, (await app.TodayAsync()).AddDays(4), "Relire la leçon");

        Assert.False((await AttachAsync(paul, EntryKind.Homework, homework.Id, hers.Id)).Found);
        Assert.False((await AttachAsync(paul, EntryKind.Homework, homework.Id, mine, hers.Id)).Found);
        Assert.False((await AttachAsync(paul, EntryKind.Homework, homework.Id, Guid.NewGuid())).Found);
        Assert.False((await AttachAsync(claire, EntryKind.Homework, homework.Id, hers.Id)).Found);
        var hugo = await app.MeAsync(Personas.Hugo);
        Assert.False((await AttachAsync(hugo, EntryKind.Homework, homework.Id, mine)).Found);
        Assert.Empty(await AttachmentsOfAsync(homework.Id));
        Assert.Equal(((int?)1, (int?)1), (await app.RefsAsync(key), await app.RefsAsync(await app.KeyAsync(hers.Id))));

        // The page answers 404 alike; nothing chosen is a clear error.
        var client = await app.SignedInClientAsync(Personas.Paul);
        var picker = $"/cahier-de-textes/joindre?devoir={homework.Id}";
        var token = await PreauApp.AntiforgeryTokenAsync(client, picker);
        var post = await client.PostAsync(picker, new FormUrlEncodedContent([new("__csrf", token), new("documents", hers.Id.ToString())]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var none = await client.PostAsync(picker, new FormUrlEncodedContent([new("__csrf", token)]), Ct);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Cochez au moins un document.", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Claire)).GetAsync(picker, Ct)).StatusCode);
        Assert.Empty(await AttachmentsOfAsync(homework.Id));

        // At most ten per entry.
        for (var i = 0; i < HwAttachment.MaxPerEntry; i++)
        {
            Assert.True((await AttachAsync(paul, EntryKind.Homework, homework.Id, mine)).Succeeded);
        }

        Assert.Equal("Error.TooMany", (await AttachAsync(paul, EntryKind.Homework, homework.Id, mine)).Errors![HomeworkAttachments.Field][0]);
        Assert.Equal(HwAttachment.MaxPerEntry + 1, await app.RefsAsync(key));
    }
}

public sealed class SqliteHomeworkAttachmentTests(SqliteApp app) : HomeworkAttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomeworkAttachmentTests(PostgresApp app) : HomeworkAttachmentTests(app), IClassFixture<PostgresApp>;
