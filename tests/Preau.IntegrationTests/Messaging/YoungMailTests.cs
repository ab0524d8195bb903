using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The 1st-degree pupils' simple mailbox (/messagerie/facile): Léa's pictures are the people the
/// rules let her write to and no one else, a forged id sends nothing, her message reaches her
/// teacher through the same draft and send as everyone's, a refusal keeps her text, and a
/// 2nd-degree pupil is sent to the full messagerie.
/// </summary>
public abstract partial class YoungMailTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<input type=\"checkbox\" name=\"a\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex PickedId();

    private static async Task<HashSet<Guid>> PictureIdsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/messagerie/facile/ecrire", Ct);
        return [.. PickedId().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid to, string text, params (string Key, string Value)[] more)
    {
        var token = await PreauApp.AntiforgeryTokenAsync(client, $"/messagerie/facile/ecrire?a={to}");
        var fields = new List<KeyValuePair<string, string>> { new("__csrf", token), new("a", to.ToString()), new("Text", text), new("Subject", "") };
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        return await client.PostAsync("/messagerie/facile/ecrire", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Lea_s_pictures_are_her_teacher_and_classmates_and_no_one_else()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var ids = await PictureIdsAsync(lea);

        var leaId = await app.PersonAsync(Personas.Lea);
        var claire = await app.PersonAsync(Personas.Claire);
        var classmates = await app.WithDbAsync(db => db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.Kind == Preau.Platform.Directory.Domain.GroupKind.Profile && g.Profile == Profile.Student
                && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A")))
            .Select(m => m.UserId).ToListAsync(Ct));
        var classTeachers = await app.WithDbAsync(db => db.GroupMembers
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.Kind == Preau.Platform.Directory.Domain.GroupKind.Profile && g.Profile == Profile.Teacher
                && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A")))
            .Select(m => m.UserId).ToListAsync(Ct));

        Assert.Contains(claire, ids);
        Assert.Contains(await app.PersonAsync("ce2-pupil"), ids);
        Assert.DoesNotContain(leaId, ids);
        // Exactly her class's pupils and teachers: not the director, not hugo, not hugo's classmates, no parent.
        Assert.Equal(classmates.Concat(classTeachers).Where(id => id != leaId).ToHashSet().Order(), ids.Order());
        Assert.DoesNotContain(await app.PersonAsync("5b-pupil"), ids);
        Assert.DoesNotContain(await app.PersonAsync(Personas.Hugo), ids);
        Assert.DoesNotContain(await app.PersonAsync(Personas.Isabelle), ids);
        Assert.DoesNotContain(await app.PersonAsync(Personas.Sophie), ids);

        // Her teacher first.
        var html = await lea.GetStringAsync("/messagerie/facile/ecrire", Ct);
        Assert.True(html.IndexOf(claire.ToString(), StringComparison.Ordinal) < html.IndexOf((await app.PersonAsync("ce2-pupil")).ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_recipient_is_refused_and_nothing_is_written_nor_sent()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var leaId = await app.PersonAsync(Personas.Lea);
        var hugoClassmate = await app.PersonAsync("5b-pupil");
        var before = await app.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.SenderId == leaId, Ct));

        var token = await PreauApp.AntiforgeryTokenAsync(lea, $"/messagerie/facile/ecrire?a={await app.PersonAsync(Personas.Claire)}");
        var response = await lea.PostAsync("/messagerie/facile/ecrire", new FormUrlEncodedContent(
        [
            new("__csrf", token), new("a", hugoClassmate.ToString()), new("Text", "Coucou"), new("Subject", ""),
        ]), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.SenderId == leaId, Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == hugoClassmate, Ct)));

        // Nor on the pictures' page: a forged id in the address is not shown as chosen.
        var page = await lea.GetStringAsync($"/messagerie/facile/ecrire?a={hugoClassmate}", Ct);
        Assert.DoesNotContain($"value=\"{hugoClassmate}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lea_s_message_reaches_her_teacher_who_sees_it_in_her_inbox_and_lea_reads_the_answer()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var claire = await app.PersonAsync(Personas.Claire);
        var response = await PostAsync(lea, claire, "J’ai perdu mon cahier rouge.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/messagerie/facile?fait=parti", response.Headers.Location?.OriginalString);
        var message = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Body.Contains("cahier rouge") && m.State == MessageState.Sent).SingleAsync(Ct));
        Assert.Equal("Message de Léa", message.Subject);
        Assert.True(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == claire && e.MessageId == message.Id && e.FolderId == SystemFolders.Inbox && e.Unread, Ct)));
        Assert.Contains("Ton message est parti", await lea.GetStringAsync("/messagerie/facile?fait=parti", Ct), StringComparison.Ordinal);

        // Claire answers; Léa sees it as a new card, with its words to read aloud, and opens it.
        var claireMe = await app.MeAsync(Personas.Claire);
        var (answer, sent) = await app.SendAsync(claireMe, MessagingData.To(await app.PersonAsync(Personas.Lea)) with { Subject = "Ton cahier", Body = "Il est sur mon bureau." }, message.Id);
        Assert.True(sent.Succeeded);
        var list = await lea.GetStringAsync("/messagerie/facile/messages", Ct);
        Assert.Contains("Ton cahier", list, StringComparison.Ordinal);
        Assert.Contains("Nouveau", list, StringComparison.Ordinal);
        Assert.Contains("data-speak=\"Claire Martin. Ton cahier. Il est sur mon bureau.\"", list, StringComparison.Ordinal);
        var read = await lea.GetStringAsync($"/messagerie/facile/message/{answer}", Ct);
        Assert.Contains("Il est sur mon bureau.", read, StringComparison.Ordinal);
        Assert.Contains($"/messagerie/facile/ecrire?reponse={answer}", read, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == answer && e.UserId != claire).Select(e => e.Unread).SingleAsync(Ct)));

        // "Répondre" chooses Claire already.
        var reply = await lea.GetStringAsync($"/messagerie/facile/ecrire?reponse={answer}", Ct);
        Assert.Contains($"name=\"a\" value=\"{claire}\"", reply, StringComparison.Ordinal);
        Assert.Contains("name=\"Text\"", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_said_simply_and_the_text_is_kept_then_sent_once_allowed()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var leaMe = await app.MeAsync(Personas.Lea);
        var claire = await app.PersonAsync(Personas.Claire);
        var school = leaMe.Structures[0].Id;
        await app.WithDbAsync(async db =>
        {
            db.Add(new MessagingPolicy { StructureId = school, Profile = Profile.Student, SendingEnabled = false, UpdatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync(Ct);
        });
        try
        {
            var response = await PostAsync(lea, claire, "Un message du mercredi");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("L’école a fermé les messages pour l’instant", html, StringComparison.Ordinal);
            Assert.Contains("Un message du mercredi</textarea>", html, StringComparison.Ordinal);
            var draft = Guid.Parse(Regex.Match(html, "name=\"Draft\" value=\"([0-9a-f-]{36})\"").Groups[1].Value);
            Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == claire && e.MessageId == draft, Ct)));

            // Quiet hours (9:45 in Paris on the test clock) are said too.
            await app.WithDbAsync(async db =>
            {
                var policy = await db.Set<MessagingPolicy>().SingleAsync(p => p.StructureId == school && p.Profile == Profile.Student, Ct);
                policy.SendingEnabled = true;
                policy.QuietFrom = new TimeOnly(9, 0);
                policy.QuietTo = new TimeOnly(10, 0);
                return await db.SaveChangesAsync(Ct);
            });
            html = await (await PostAsync(lea, claire, "Un message du mercredi", ("Draft", draft.ToString()))).Content.ReadAsStringAsync(Ct);
            Assert.Contains("C’est l’heure du repos", html, StringComparison.Ordinal);
            Assert.Contains($"name=\"Draft\" value=\"{draft}\"", html, StringComparison.Ordinal);

            // Allowed again: the same draft leaves, once.
            await app.WithDbAsync(db => db.Set<MessagingPolicy>().Where(p => p.StructureId == school).ExecuteDeleteAsync(Ct));
            var sent = await PostAsync(lea, claire, "Un message du mercredi", ("Draft", draft.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal(MessageState.Sent, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == draft).Select(m => m.State).SingleAsync(Ct)));
            Assert.Equal(1, await app.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.SenderId == leaMe.Id && m.Body.Contains("mercredi"), Ct)));
        }
        finally
        {
            await app.WithDbAsync(db => db.Set<MessagingPolicy>().Where(p => p.StructureId == school).ExecuteDeleteAsync(Ct));
        }
    }

    [Fact]
    public async Task A_2nd_degree_pupil_and_an_adult_are_sent_to_the_full_messagerie()
    {
        foreach (var login in new[] { Personas.Hugo, Personas.Claire })
        {
            var client = await app.SignedInClientAsync(login);
            foreach (var path in new[] { "/messagerie/facile", "/messagerie/facile/ecrire", "/messagerie/facile/messages" })
            {
                var response = await client.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/messagerie", response.Headers.Location?.OriginalString);
            }
        }

        // The full messagerie keeps Hugo, and sends Léa to her simple mailbox.
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.OK, (await hugo.GetAsync("/messagerie", Ct)).StatusCode);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var door = await lea.GetAsync("/messagerie", Ct);
        Assert.Equal(HttpStatusCode.Redirect, door.StatusCode);
        Assert.Equal("/messagerie/facile", door.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync("/messagerie/facile", Ct)).StatusCode);
    }
}

public sealed class SqliteYoungMailTests(SqliteMessagingApp app) : YoungMailTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresYoungMailTests(PostgresMessagingApp app) : YoungMailTests(app), IClassFixture<PostgresMessagingApp>;
