using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Homework;

/// <summary>
/// The cahier de textes's pages, as their people use them: a teacher writes homework for some
/// pupils (a refusal keeps what was typed) and sees how many did it; a lesson is written in two
/// books at once and copied; nobody else reaches a book; the direction sets a visa from the book's
/// page and invites an inspector; a family makes its calendar address and turns it off.
/// </summary>
public abstract class HomeworkPagesTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_teacher_writes_homework_for_some_pupils_from_the_form_and_sees_how_many_did_it()
    {
        var book = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        var due = await app.NextSchoolDayAsync(today);
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var paul = await app.SignedInClientAsync(Personas.Paul);

        var books = await paul.GetPageAsync("/cahier-de-textes");
        Assert.NotNull(books.QuerySelector($"a[href='/cahier-de-textes/{book.Id}']"));
        var form = $"/cahier-de-textes/{book.Id}/travail";
        var blank = await paul.GetPageAsync(form);
        Assert.Equal(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), blank.QuerySelector("input#DueOn")!.GetAttribute("value"));
        Assert.NotNull(blank.QuerySelector($"input[name='eleves'][value='{hugo}']"));

        // Nothing to do: refused beside the field, the rest kept.
        var refused = await paul.PostFormAsync(form, [("Kind", "Lesson"), ("Description", ""), ("DueOn", Iso(due)), ("Minutes", "25"), ("eleves", hugo.ToString()), ("Repeat", "None")], form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.NotNull(page.QuerySelector("#Description-error"));
        Assert.Equal("25", page.QuerySelector("input#Minutes")!.GetAttribute("value"));
        Assert.True(page.QuerySelector($"input[name='eleves'][value='{hugo}']")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name='Kind'][value='Lesson']")!.HasAttribute("checked"));

        var saved = await paul.PostFormAsync(form, [("Kind", "Lesson"), ("Description", "<p>Apprendre la fable par cœur</p>"), ("DueOn", Iso(due)), ("Minutes", "25"),
            ("eleves", hugo.ToString()), ("Repeat", "None")], form);
        var homework = await app.WithDbAsync(db => db.Set<HwHomework>().SingleAsync(h => h.BookId == book.Id && h.Summary == "Apprendre la fable par cœur", Ct));
        Assert.Equal($"/cahier-de-textes/{book.Id}?semaine={Iso(SchoolCalendar.WeekStart(due))}#devoir-{homework.Id}", saved.RedirectTarget());
        Assert.Equal((HomeworkKind.Lesson, 25, true), (homework.Kind, homework.Minutes!.Value, homework.Targeted));
        Assert.Equal([hugo], await app.WithDbAsync(db => db.Set<HwTarget>().Where(t => t.HomeworkId == homework.Id).Select(t => t.PupilId).ToListAsync(Ct)));

        // Hugo ticks it: the teacher's week says so.
        var hugoMe = await app.MeAsync(Personas.Hugo);
        Assert.True((await app.WithAsync<ToDo, Outcome<Done>>(t => t.MarkAsync(hugoMe, homework.Id, true, Ct))).Succeeded);
        var week = await paul.GetPageAsync($"/cahier-de-textes/{book.Id}?semaine={Iso(due)}");
        Assert.Contains("1/1", week.TextOf($"#devoir-{homework.Id} .hw-count"), StringComparison.Ordinal);
        Assert.Contains("Hugo", week.TextOf($"#devoir-{homework.Id} .hw-targets"), StringComparison.Ordinal);
        Assert.NotNull(week.QuerySelector($"#devoir-{homework.Id} a[href='/cahier-de-textes/{book.Id}/travail?id={homework.Id}']"));

        // Changed from its form: the targets go with it, in the same save.
        var edit = $"/cahier-de-textes/{book.Id}/travail?id={homework.Id}";
        Assert.Contains("Apprendre la fable", (await paul.GetPageAsync(edit)).QuerySelector("textarea#Description")!.TextContent, StringComparison.Ordinal);
        var changed = await paul.PostFormAsync(edit, [("Kind", "Lesson"), ("Description", "<p>Apprendre la fable, deux strophes</p>"), ("DueOn", Iso(due)), ("Minutes", "20")], edit);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await app.WithDbAsync(db => db.Set<HwHomework>().SingleAsync(h => h.Id == homework.Id, Ct));
        Assert.False(after.Targeted);
        Assert.Equal("Apprendre la fable, deux strophes", after.Summary);

        // Nobody else reaches the book: a pupil and a parent are sent to "À faire", another school's teacher gets 404.
        var hugoClient = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal("/a-faire", (await hugoClient.GetAsync("/cahier-de-textes", Ct)).RedirectTarget());
        Assert.Equal(HttpStatusCode.NotFound, (await hugoClient.GetAsync($"/cahier-de-textes/{book.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugoClient.GetAsync(form, Ct)).StatusCode);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/cahier-de-textes/{book.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostFormAsync(form, [("Kind", "Exercise"), ("Description", "<p>Intrus</p>"), ("DueOn", Iso(due))], "/cahier-de-textes")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<HwHomework>().AnyAsync(h => h.Summary == "Intrus", Ct)));
    }

    [Fact]
    public async Task A_lesson_is_written_in_two_books_at_once_and_homework_copied_to_another()
    {
        // Two books of CE2 A the direction's visa (another test) leaves open.
        var diary = await app.BookOfCe2Async("Musique");
        var english = await app.BookOfCe2Async("Anglais");
        var today = await app.TodayAsync();
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var form = $"/cahier-de-textes/{diary.Id}/seance";
        var blank = await claire.GetPageAsync(form + $"?date={Iso(today)}");
        Assert.NotNull(blank.QuerySelector($"input[name='aussi'][value='{english.Id}']"));

        var bad = await claire.PostFormAsync(form, [("Date", Iso(today)), ("Start", "10:00"), ("End", "09:00"), ("Title", "Chanson"), ("Body", "")], form);
        Assert.NotNull((await Html.ReadAsync(bad)).QuerySelector("#End-error"));

        var saved = await claire.PostFormAsync(form, [("Date", Iso(today)), ("Start", "09:00"), ("End", "09:45"), ("Title", "Chanson : Head, shoulders"), ("Body", "<p>Chantée deux fois</p>"),
            ("aussi", english.Id.ToString())], form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sessions = await app.WithDbAsync(db => db.Set<HwSession>().Where(s => s.Title == "Chanson : Head, shoulders").Select(s => new { s.BookId, s.Start }).ToListAsync(Ct));
        Assert.Equal([diary.Id, english.Id], sessions.Select(s => s.BookId).Order());
        Assert.All(sessions, s => Assert.Equal(new TimeOnly(9, 0), s.Start));

        // A homework copied from the week's page to the other book.
        var homework = await app.SetAsync(Personas.Claire, diary.Id, today.AddDays(2), "Dessiner sa famille");
        var bookPage = $"/cahier-de-textes/{diary.Id}";
        var copied = await claire.PostFormAsync(bookPage + "?handler=Copy", [("entry", homework.Id.ToString()), ("kind", "travail"), ("to", english.Id.ToString())], bookPage);
        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        Assert.NotNull((await Html.ReadAsync(copied)).QuerySelector(".alert.success"));
        Assert.True(await app.WithDbAsync(db => db.Set<HwHomework>().AnyAsync(h => h.BookId == english.Id && h.Summary == "Dessiner sa famille", Ct)));

        // Removed from the page.
        var removed = await claire.PostFormAsync(bookPage + "?handler=Delete", [("entry", homework.Id.ToString()), ("kind", "travail")], bookPage);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<HwHomework>().AnyAsync(h => h.Id == homework.Id, Ct)));
    }

    [Fact]
    public async Task The_direction_sets_a_visa_from_the_book_and_invites_an_inspector()
    {
        var diary = await app.DiaryOfCe2Async();
        var today = await app.TodayAsync();
        var homework = await app.SetAsync(Personas.Claire, diary.Id, today.AddDays(1), "Colorier la carte de France");
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var bookPage = $"/cahier-de-textes/{diary.Id}";
        var read = await isabelle.GetPageAsync(bookPage);
        Assert.NotNull(read.QuerySelector("form input#VisaUpTo"));
        Assert.Null(read.QuerySelector($"#devoir-{homework.Id} .hw-entry-actions"));

        var future = await isabelle.PostFormAsync(bookPage + "?handler=Visa", [("VisaUpTo", Iso(today.AddDays(1))), ("VisaComment", "Trop tôt")], bookPage);
        var refused = await Html.ReadAsync(future);
        Assert.NotNull(refused.QuerySelector("#visa-error"));
        Assert.Null(await app.WithDbAsync(db => db.Set<HwBook>().Where(b => b.Id == diary.Id).Select(b => b.FrozenUntil).SingleAsync(Ct)));

        var signed = await isabelle.PostFormAsync(bookPage + "?handler=Visa", [("VisaUpTo", Iso(today)), ("VisaComment", "Vu.")], bookPage);
        Assert.Contains("Vu.", (await Html.ReadAsync(signed)).TextOf(".hw-visa-list"), StringComparison.Ordinal);
        Assert.Equal(today, await app.WithDbAsync(db => db.Set<HwBook>().Where(b => b.Id == diary.Id).Select(b => b.FrozenUntil).SingleAsync(Ct)));
        // The homework given today is sealed: its writer no longer gets its buttons, and a forged removal is refused.
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var week = await claire.GetPageAsync(bookPage);
        Assert.Null(week.QuerySelector($"#devoir-{homework.Id} .hw-entry-actions"));
        await claire.PostFormAsync(bookPage + "?handler=Delete", [("entry", homework.Id.ToString()), ("kind", "travail")], bookPage);
        Assert.True(await app.WithDbAsync(db => db.Set<HwHomework>().AnyAsync(h => h.Id == homework.Id, Ct)));
        Assert.Null(week.QuerySelector("form input#VisaUpTo"));

        // Inspectors: the direction's page only.
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync("/cahier-de-textes/inspecteurs", Ct)).StatusCode);
        var inspectors = "/cahier-de-textes/inspecteurs";
        var unknown = await isabelle.PostFormAsync(inspectors + "?handler=Invite", [("Login", "personne.inconnue"), ("Until", Iso(today.AddDays(10)))], inspectors);
        Assert.NotNull((await Html.ReadAsync(unknown)).QuerySelector("#Login-error"));
        var invited = await isabelle.PostFormAsync(inspectors + "?handler=Invite", [("Login", Personas.Paul), ("Until", Iso(today.AddDays(10)))], inspectors);
        Assert.Contains("Paul", (await Html.ReadAsync(invited)).TextOf(".hw-inspectors"), StringComparison.Ordinal);
        var paul = await app.SignedInClientAsync(Personas.Paul);
        Assert.NotNull((await paul.GetPageAsync(bookPage)).QuerySelector("form input#VisaUpTo"));
        var grant = await app.WithDbAsync(db => db.Set<HwInspector>().SingleAsync(i => i.UserId == db.Users.Single(u => u.Login == Personas.Paul).Id, Ct));
        await isabelle.PostFormAsync(inspectors + "?handler=End", [("grant", grant.Id.ToString())], inspectors);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(bookPage, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_family_makes_its_calendar_address_sees_it_once_and_turns_it_off()
    {
        var book = await app.FrenchOf5eBAsync();
        var today = await app.TodayAsync();
        await app.SetAsync(Personas.Paul, book.Id, today.AddDays(3), "Apporter le dictionnaire", kind: HomeworkKind.Bring);
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var agenda = "/a-faire/agenda";
        var page = await sophie.GetPageAsync(agenda);
        Assert.Equal(2, page.QuerySelectorAll("section.hw-calendar").Length);

        var made = await Html.ReadAsync(await sophie.PostFormAsync(agenda + "?handler=Calendar", [("enfant", hugo.ToString())], agenda));
        var address = made.QuerySelector($"input#adresse-{hugo:N}")!.GetAttribute("value")!;
        var path = new Uri(address).PathAndQuery;
        var anonymous = app.CreateBrowserlikeClient();
        var feed = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("Apporter le dictionnaire", await feed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Shown once: the page no longer holds the secret.
        var again = await sophie.GetAsync(agenda, Ct);
        Assert.DoesNotContain(path, await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var key = await app.WithDbAsync(db => db.Set<HwCalendarKey>().SingleAsync(k => k.SubjectId == hugo && k.RevokedAt == null, Ct));
        await sophie.PostFormAsync(agenda + "?handler=RevokeCalendar", [("key", key.Id.ToString())], agenda);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path, Ct)).StatusCode);

        // A pupil gets their own; a teacher has no family page.
        var hugoClient = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Single((await hugoClient.GetPageAsync(agenda)).QuerySelectorAll("section.hw-calendar"));
        var paul = await app.SignedInClientAsync(Personas.Paul);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(agenda, Ct)).StatusCode);
        Assert.Equal("/cahier-de-textes", (await paul.GetAsync("/a-faire", Ct)).RedirectTarget());
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteHomeworkPagesTests(SqliteApp app) : HomeworkPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomeworkPagesTests(PostgresApp app) : HomeworkPagesTests(app), IClassFixture<PostgresApp>;
