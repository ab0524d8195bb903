using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.Homework;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Homework;

/// <summary>
/// The cahier de textes seen by each of its people: a pupil sees the homework of their groups and
/// what targets them, nothing else; a parent exactly their children's, in every school; the étude's
/// animator only its pupils'; a visa freezes what it covers; the calendar address answers without a
/// session but only with its secret, and dies when revoked.
/// </summary>
public abstract class HomeworkTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pupil_sees_only_the_homework_of_their_groups_and_what_targets_them()
    {
        var book = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var other = (await app.PupilsOfAsync(book.AudienceGroupId)).First(p => p != hugo);
        await app.SetAsync(Personas.Paul, book.Id, today.AddDays(2), "Lire le chapitre 3 de la fable");
        await app.SetAsync(Personas.Paul, book.Id, today.AddDays(2), "Refaire l’exercice 4 (Hugo)", pupils: [hugo]);
        await app.SetAsync(Personas.Paul, book.Id, today.AddDays(2), "Corriger la dictée (un autre élève)", pupils: [other]);

        var hugos = (await app.ToDoOfAsync(Personas.Hugo)).Summaries();
        Assert.Contains("Lire le chapitre 3 de la fable", hugos);
        Assert.Contains("Refaire l’exercice 4 (Hugo)", hugos);
        Assert.DoesNotContain("Corriger la dictée (un autre élève)", hugos);
        Assert.DoesNotContain(await app.ToDoOfAsync(Personas.Lea) is var lea ? lea.Summaries() : [], s => s.Contains("fable", StringComparison.Ordinal));

        // Someone else's targeted homework cannot be ticked, nor read by guessing its book.
        var targeted = (await app.ToDoOfAsync(Personas.Hugo)).Days.SelectMany(d => d.Items).Single(i => i.Summary.EndsWith("(Hugo)", StringComparison.Ordinal));
        var leaMe = await app.MeAsync(Personas.Lea);
        Assert.False((await app.WithAsync<ToDo, Outcome<Done>>(t => t.MarkAsync(leaMe, targeted.Id, true, Ct))).Found);
        Assert.Null(await app.WithAsync<HomeworkAccess, BookView?>(a => a.FindAsync(leaMe, book.Id, Ct)));
        Assert.Null(await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(leaMe, book.Id, today, today.AddDays(7), Ct)));
        var hugoMe = await app.MeAsync(Personas.Hugo);
        Assert.Null(await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(hugoMe, book.Id, today, today.AddDays(7), Ct)));

        // Retargeted to the other pupil: gone from Hugo's list, on the other's.
        var paul = await app.MeAsync(Personas.Paul);
        var retargeted = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.UpdateHomeworkAsync(paul, targeted.Id,
            new HomeworkInput(null, today.AddDays(2), HomeworkKind.Exercise, "<p>Refaire l’exercice 4 (l’autre élève)</p>", null, [other]), Ct));
        Assert.True(retargeted.Succeeded);
        Assert.DoesNotContain((await app.ToDoOfAsync(Personas.Hugo)).Days.SelectMany(d => d.Items), i => i.Id == targeted.Id);
        var others = await app.WithAsync<ToDo, IReadOnlyList<ToDoList>>(t => t.ListsAsync([(other, "Autre")], Ct));
        Assert.Contains("Refaire l’exercice 4 (l’autre élève)", others[0].Summaries());
    }

    [Fact]
    public async Task A_parent_sees_exactly_their_childrens_homework_in_both_schools_and_the_teacher_counts_the_ticks()
    {
        var french = await app.FrenchOf5eBAsync();
        var diary = await app.DiaryOfCe2Async();
        var today = await app.TodayAsync();
        var tomorrow = await app.NextSchoolDayAsync(today);
        var forHugo = await app.SetAsync(Personas.Paul, french.Id, tomorrow, "Apprendre la récitation", minutes: 20, kind: HomeworkKind.Lesson);
        await app.SetAsync(Personas.Claire, diary.Id, tomorrow, "Faire signer le cahier de liaison", minutes: 5, kind: HomeworkKind.Sign);

        var sophie = await app.MeAsync(Personas.Sophie);
        var lists = await app.WithAsync<ToDo, IReadOnlyList<ToDoList>>(t => t.ForChildrenAsync(sophie, Ct));
        Assert.Equal(["Léa", "Hugo"], lists.Select(l => l.FirstName).Order(StringComparer.Ordinal).Reverse());
        var lea = lists.Single(l => l.FirstName == "Léa");
        var hugo = lists.Single(l => l.FirstName == "Hugo");
        Assert.Contains("Faire signer le cahier de liaison", lea.Summaries());
        Assert.DoesNotContain("Apprendre la récitation", lea.Summaries());
        Assert.Contains("Apprendre la récitation", hugo.Summaries());
        Assert.DoesNotContain("Faire signer le cahier de liaison", hugo.Summaries());
        Assert.True(hugo.EveningMinutes >= 20, "the evening's work counts the teacher's estimate");

        // Another family sees none of it.
        var marc = await app.MeAsync(Personas.Marc);
        var marcs = await app.WithAsync<ToDo, IReadOnlyList<ToDoList>>(t => t.ForChildrenAsync(marc, Ct));
        Assert.DoesNotContain(marcs.SelectMany(l => l.Summaries()), s => s is "Apprendre la récitation" or "Faire signer le cahier de liaison");

        // Hugo ticks it: his own state, which the teacher sees as a count; a parent cannot tick.
        var hugoMe = await app.MeAsync(Personas.Hugo);
        Assert.True((await app.WithAsync<ToDo, Outcome<Done>>(t => t.MarkAsync(hugoMe, forHugo.Id, true, Ct))).Succeeded);
        Assert.False((await app.WithAsync<ToDo, Outcome<Done>>(t => t.MarkAsync(sophie, forHugo.Id, true, Ct))).Found);
        Assert.True((await app.ToDoOfAsync(Personas.Hugo)).Days.SelectMany(d => d.Items).Single(i => i.Id == forHugo.Id).Done);
        var paul = await app.MeAsync(Personas.Paul);
        var page = await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(paul, french.Id, today, tomorrow, Ct));
        var line = page!.Homework.Single(h => h.Homework.Id == forHugo.Id);
        Assert.Equal(1, line.DoneCount);
        Assert.Equal((await app.PupilsOfAsync(french.AudienceGroupId)).Count, line.Pupils);

        // Unticked again.
        Assert.True((await app.WithAsync<ToDo, Outcome<Done>>(t => t.MarkAsync(hugoMe, forHugo.Id, false, Ct))).Succeeded);
        page = await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(paul, french.Id, today, tomorrow, Ct));
        Assert.Equal(0, page!.Homework.Single(h => h.Homework.Id == forHugo.Id).DoneCount);
    }

    [Fact]
    public async Task The_etude_animator_sees_the_evenings_homework_of_the_groups_pupils_only()
    {
        var diary = await app.DiaryOfCe2Async();
        var french = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        var tomorrow = await app.NextSchoolDayAsync(today);
        await app.SetAsync(Personas.Claire, diary.Id, tomorrow, "Lire la page 12 du livre de lecture", kind: HomeworkKind.Read);
        var lea = await app.UserIdAsync(Personas.Lea);
        var classmate = (await app.PupilsOfAsync(diary.AudienceGroupId)).First(p => p != lea);
        await app.SetAsync(Personas.Claire, diary.Id, tomorrow, "Rapporter le livre de la bibliothèque", pupils: [classmate], kind: HomeworkKind.Bring);
        await app.SetAsync(Personas.Paul, french.Id, tomorrow, "Conjuguer être au passé simple");

        var karim = await app.MeAsync(Personas.Karim);
        var evenings = await app.WithAsync<Etude, IReadOnlyList<EtudeEvening>>(e => e.EveningAsync(karim, null, Ct));
        var etude = Assert.Single(evenings);
        Assert.Equal("Étude du soir", etude.GroupName);
        Assert.Equal(tomorrow, etude.For);
        var pupil = Assert.Single(etude.Pupils);
        Assert.Equal(lea, pupil.PupilId);
        Assert.Contains("Lire la page 12 du livre de lecture", pupil.Summaries());
        Assert.DoesNotContain("Rapporter le livre de la bibliothèque", pupil.Summaries());
        Assert.DoesNotContain("Conjuguer être au passé simple", evenings.SelectMany(e => e.Pupils).SelectMany(p => p.Summaries()));

        // The animator reads no book, and others have no étude.
        Assert.Null(await app.WithAsync<HomeworkAccess, BookView?>(a => a.FindAsync(karim, diary.Id, Ct)));
        var claire = await app.MeAsync(Personas.Claire);
        Assert.Empty(await app.WithAsync<Etude, IReadOnlyList<EtudeEvening>>(e => e.EveningAsync(claire, null, Ct)));
    }

    [Fact]
    public async Task A_visa_freezes_the_entries_it_covers_and_only_the_direction_sets_it()
    {
        // A book of its own (the other tests write in the diary today).
        var diary = await app.BookOfCe2Async("Anglais");
        var today = await app.TodayAsync();
        var claire = await app.MeAsync(Personas.Claire);
        var session = await app.WithAsync<WriteDiary, Outcome<HwSession>>(w => w.SaveSessionAsync(claire, diary.Id, null,
            new SessionInput(today, new TimeOnly(9, 0), new TimeOnly(10, 0), "Les fractions", "<p>Partager une pizza en parts égales.</p>"), Ct));
        Assert.True(session.Succeeded && session.Errors is null);
        var homework = await app.SetAsync(Personas.Claire, diary.Id, today.AddDays(3), "Exercices 1 et 2 sur les fractions");

        Assert.False((await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(claire, diary.Id, today, null, Ct))).Found);
        var isabelle = await app.MeAsync(Personas.Isabelle);
        Assert.NotNull(await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(isabelle, diary.Id, today, today.AddDays(7), Ct)));
        Assert.Equal("Error.VisaInFuture", (await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(isabelle, diary.Id, today.AddDays(1), null, Ct))).Errors!["UpTo"][0]);
        var visa = await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(isabelle, diary.Id, today, "Vu, très complet.", Ct));
        Assert.True(visa.Succeeded && visa.Errors is null);

        // What it covers no longer changes: the lesson of today, the homework given today.
        var edit = await app.WithAsync<WriteDiary, Outcome<HwSession>>(w => w.SaveSessionAsync(claire, diary.Id, session.Value!.Id,
            new SessionInput(today, null, null, "Autre titre", null), Ct));
        Assert.Equal("Error.Frozen", edit.Errors!["Date"][0]);
        Assert.Equal("Error.Frozen", (await app.WithAsync<WriteDiary, Outcome<Done>>(w => w.DeleteSessionAsync(claire, session.Value!.Id, Ct))).Errors!["Date"][0]);
        var change = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.UpdateHomeworkAsync(claire, homework.Id,
            new HomeworkInput(null, today.AddDays(4), HomeworkKind.Exercise, "<p>Autre chose</p>"), Ct));
        Assert.Equal("Error.Frozen", change.Errors!["GivenOn"][0]);
        Assert.Equal("Error.Frozen", (await app.WithAsync<WriteDiary, Outcome<Done>>(w => w.DeleteHomeworkAsync(claire, homework.Id, Ct))).Errors!["DueOn"][0]);
        var kept = await app.WithAsync<ReadBook, BookPage?>(r => r.PageAsync(claire, diary.Id, today, today.AddDays(7), Ct));
        Assert.Equal("Les fractions", kept!.Sessions.Single(s => s.Id == session.Value!.Id).Title);
        Assert.Contains(kept.Homework, h => h.Homework.Id == homework.Id && h.Homework.Summary == "Exercices 1 et 2 sur les fractions");
        Assert.Contains(kept.Visas, v => v.Comment == "Vu, très complet.");

        // The next days are open.
        var next = await app.NextSchoolDayAsync(today);
        var later = await app.WithAsync<WriteDiary, Outcome<HwSession>>(w => w.SaveSessionAsync(claire, diary.Id, null, new SessionInput(next, null, null, "La suite", null), Ct));
        Assert.True(later.Succeeded && later.Errors is null);
    }

    [Fact]
    public async Task The_calendar_address_works_without_a_session_only_with_its_secret_and_dies_when_revoked()
    {
        var french = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        await app.SetAsync(Personas.Paul, french.Id, today.AddDays(5), "Rédiger la suite du conte; deux pages, au propre");
        // Beyond "À faire"'s three weeks, within the calendar's ten.
        await app.SetAsync(Personas.Paul, french.Id, today.AddDays(40), "Exposé sur les fables");
        var sophie = await app.MeAsync(Personas.Sophie);
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var address = await app.WithAsync<CalendarKeys, Outcome<CalendarAddress>>(k => k.CreateAsync(sophie, CalendarScope.Pupil, hugo, Ct));
        Assert.True(address.Succeeded);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var ics = await anonymous.GetAsync(address.Value!.Path, Ct);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync(Ct);
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("Rédiger la suite du conte\\; deux pages", text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{today.AddDays(5):yyyyMMdd}", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{today.AddDays(40):yyyyMMdd}", text, StringComparison.Ordinal);

        // A wrong secret, and someone else's child, get nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(HomeworkModule.CalendarPath(Codes.NewToken()), Ct)).StatusCode);
        var marc = await app.MeAsync(Personas.Marc);
        Assert.False((await app.WithAsync<CalendarKeys, Outcome<CalendarAddress>>(k => k.CreateAsync(marc, CalendarScope.Pupil, hugo, Ct))).Found);

        // A new address kills the old one; revoking kills the new one.
        var renewed = await app.WithAsync<CalendarKeys, Outcome<CalendarAddress>>(k => k.CreateAsync(sophie, CalendarScope.Pupil, hugo, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(address.Value.Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed.Value!.Path, Ct)).StatusCode);
        Assert.True((await app.WithAsync<CalendarKeys, Outcome<Done>>(k => k.RevokeAsync(sophie, renewed.Value.Id, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(renewed.Value.Path, Ct)).StatusCode);

        // A class's address, made by one of its teachers: whole-class homework only.
        var paul = await app.MeAsync(Personas.Paul);
        var fiveB = paul.Classes.Single(c => c.Name == "5e B").Id;
        await app.SetAsync(Personas.Paul, french.Id, today.AddDays(5), "Pour Hugo seulement", pupils: [hugo]);
        var classAddress = await app.WithAsync<CalendarKeys, Outcome<CalendarAddress>>(k => k.CreateAsync(paul, CalendarScope.Class, fiveB, Ct));
        var classText = (await anonymous.GetStringAsync(classAddress.Value!.Path, Ct)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("Rédiger la suite du conte", classText, StringComparison.Ordinal);
        Assert.DoesNotContain("Pour Hugo seulement", classText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_runs_a_book_from_opening_to_a_pupils_tick_and_a_parents_list()
    {
        var paul = await app.SignedInClientAsync(Personas.Paul);
        var group = await app.GroupIdAsync("5e B — Français");
        var opened = await paul.PostAsJsonAsync("/api/v1/homework/books", new { groupId = group, subject = "Français" }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var book = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(book.GetProperty("canWrite").GetBoolean());
        var bookId = book.GetProperty("id").GetGuid();
        var today0 = await app.TodayAsync();
        var lesson = await paul.PostAsJsonAsync($"/api/v1/homework/books/{bookId}/sessions", new { date = today0, title = "Les fables" }, Ct);
        Assert.Equal(HttpStatusCode.Created, lesson.StatusCode);
        var lessonId = (await lesson.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var renamed = await paul.PutAsJsonAsync($"/api/v1/homework/sessions/{lessonId}", new { date = today0, title = "Les fables de La Fontaine" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Les fables de La Fontaine", (await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());

        var today = await app.TodayAsync();
        var invalid = await paul.PostAsJsonAsync($"/api/v1/homework/books/{bookId}/homework", new { dueOn = today.AddDays(-1), givenOn = today, kind = "Exercise", description = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Décrivez le travail à faire.", problem, StringComparison.Ordinal);

        var set = await paul.PostAsJsonAsync($"/api/v1/homework/books/{bookId}/homework",
            new { dueOn = today.AddDays(2), kind = "Lesson", description = "<p>Apprendre la conjugaison</p><script>alert(1)</script>", minutes = 15 }, Ct);
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var homework = await set.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.DoesNotContain("script", homework.GetProperty("description").GetString(), StringComparison.Ordinal);
        var homeworkId = homework.GetProperty("id").GetGuid();

        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/api/v1/homework/books/{bookId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await hugo.PutAsync($"/api/v1/homework/homework/{homeworkId}/done", null, Ct)).StatusCode);
        var todo = await hugo.GetFromJsonAsync<JsonElement>("/api/v1/homework/todo", Ct);
        var item = todo[0].GetProperty("upcoming").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == homeworkId);
        Assert.True(item.GetProperty("done").GetBoolean());
        Assert.Equal("Français", item.GetProperty("subject").GetString());

        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var children = await sophie.GetFromJsonAsync<JsonElement>("/api/v1/homework/todo", Ct);
        Assert.Equal(2, children.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.PutAsync($"/api/v1/homework/homework/{homeworkId}/done", null, Ct)).StatusCode);

        var page = await paul.GetFromJsonAsync<JsonElement>($"/api/v1/homework/books/{bookId}?from={today:yyyy-MM-dd}&to={today.AddDays(6):yyyy-MM-dd}", Ct);
        var line = page.GetProperty("homework").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == homeworkId);
        Assert.Equal(1, line.GetProperty("doneCount").GetInt32());
    }

    [Fact]
    public async Task Homework_set_for_a_near_day_tells_the_pupils_and_their_parents_and_a_later_one_does_not()
    {
        var french = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        var tomorrow = await app.NextSchoolDayAsync(today);
        var near = await app.SetAsync(Personas.Paul, french.Id, tomorrow, "Réviser le contrôle de grammaire", kind: HomeworkKind.Test);
        var far = await app.SetAsync(Personas.Paul, french.Id, today.AddDays(20), "Lire un roman au choix", kind: HomeworkKind.Read);
        var told = await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(near.Id));
        Assert.Contains(await app.UserIdAsync(Personas.Hugo), told);
        Assert.Contains(await app.UserIdAsync(Personas.Sophie), told);
        Assert.DoesNotContain(await app.UserIdAsync(Personas.Lea), told);
        Assert.Empty(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(far.Id)));

        // Moved to a later day: what the families were told is taken back.
        var paulMe = await app.MeAsync(Personas.Paul);
        var moved = await app.SetAsync(Personas.Paul, french.Id, tomorrow, "Apporter le dictionnaire", kind: HomeworkKind.Bring);
        Assert.NotEmpty(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(moved.Id)));
        Assert.True((await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.UpdateHomeworkAsync(paulMe, moved.Id,
            new HomeworkInput(null, today.AddDays(20), HomeworkKind.Bring, "<p>Apporter le dictionnaire</p>"), Ct))).Succeeded);
        Assert.Empty(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(moved.Id)));
        Assert.Empty(await app.ToldAsync(HomeworkNotices.Changed, HomeworkNotices.Key(moved.Id)));

        // Removed: its notice goes with it.
        var paul = await app.MeAsync(Personas.Paul);
        Assert.True((await app.WithAsync<WriteDiary, Outcome<Done>>(w => w.DeleteHomeworkAsync(paul, near.Id, Ct))).Succeeded);
        Assert.Empty(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(near.Id)));
    }

    [Fact]
    public async Task Only_the_books_writers_write_a_repeated_entry_makes_its_occurrences_and_a_copy_goes_to_another_book()
    {
        var diary = await app.DiaryOfCe2Async();
        var today = await app.TodayAsync();
        var paul = await app.MeAsync(Personas.Paul);
        var lea = await app.MeAsync(Personas.Lea);
        var input = new HomeworkInput(null, today.AddDays(1), HomeworkKind.Read, "<p>Lire 10 minutes</p>", 10, Repeat: Repeat.Weekly, RepeatUntil: today.AddDays(22));
        Assert.False((await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(paul, diary.Id, input, Ct))).Found);
        Assert.False((await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(lea, diary.Id, input, Ct))).Found);

        var claire = await app.MeAsync(Personas.Claire);
        var first = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(claire, diary.Id, input, Ct));
        Assert.True(first.Succeeded && first.Errors is null);
        var occurrences = await app.WithDbAsync(db => Task.FromResult(db.Set<HwHomework>().Where(h => h.RecurrenceId == first.Value!.RecurrenceId).Select(h => h.DueOn).OrderBy(d => d).ToList()));
        Assert.Equal([today.AddDays(1), today.AddDays(8), today.AddDays(15), today.AddDays(22)], occurrences);

        // Bad input: a clear error per field, nothing stored.
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var bad = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(claire, diary.Id,
            new HomeworkInput(today, today.AddDays(-1), HomeworkKind.Exercise, "<p> </p>", 900, [hugo]), Ct));
        Assert.Equal(["Description", "DueOn", "Minutes", "Pupils"], bad.Errors!.Keys.Order(StringComparer.Ordinal));

        // Paul copies his French homework of 5e B to another book of his.
        var french = await app.FrenchOf5eBAsync();
        var homework = await app.SetAsync(Personas.Paul, french.Id, today.AddDays(3), "Apprendre le vocabulaire");
        var other = await app.WithAsync<ManageBooks, Outcome<HwBook>>(m => m.OpenAsync(paul, paul.Classes.Single(c => c.Name == "5e B").Id, null, "Latin", Ct));
        var copy = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.CopyHomeworkAsync(paul, homework.Id, other.Value!.Id, Ct));
        Assert.True(copy.Succeeded && copy.Errors is null);
        Assert.Equal(other.Value!.Id, copy.Value!.BookId);
        Assert.Equal(today.AddDays(3), copy.Value.DueOn);
        Assert.False((await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.CopyHomeworkAsync(paul, homework.Id, diary.Id, Ct))).Found);
    }
}

public sealed class SqliteHomeworkTests(SqliteApp app) : HomeworkTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomeworkTests(PostgresApp app) : HomeworkTests(app), IClassFixture<PostgresApp>;
