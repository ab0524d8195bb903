using Microsoft.EntityFrameworkCore;
using Preau.Homework;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Homework;

/// <summary>
/// Days as families live them, in Paris whatever the server's zone: homework for "lundi" set on
/// Friday evening is Monday's and tonight's work; homework prepared to show on Saturday morning is
/// told then; the night the clocks go back is still Sunday's; an inspector's right ends with its last day. One test, one clock moved forward only.
/// </summary>
public abstract class HomeworkTimeTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Friday_evening_homework_for_monday_the_daylight_saving_night_and_an_inspectors_last_day()
    {
        var french = await app.FrenchOf5eBAsync();

        // Friday 18 September 2026, 21:30 in Paris (19:30 UTC): "pour lundi".
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 18, 19, 30, 0, TimeSpan.Zero));
        var friday = new DateOnly(2026, 9, 18);
        var monday = new DateOnly(2026, 9, 21);
        Assert.Equal(friday, await app.TodayAsync());
        Assert.Equal(monday, await app.NextSchoolDayAsync(friday));
        var forMonday = await app.SetAsync(Personas.Paul, french.Id, monday, "Apprendre la leçon sur le COD", minutes: 25, kind: HomeworkKind.Lesson);
        var hugo = await app.ToDoOfAsync(Personas.Hugo);
        Assert.Equal(monday, hugo.NextSchoolDay);
        Assert.Equal(monday, hugo.Days[0].Date);
        Assert.Contains(hugo.Days[0].Items, i => i.Id == forMonday.Id);
        Assert.Equal(25, hugo.EveningMinutes);
        Assert.Contains(await app.UserIdAsync(Personas.Hugo), await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(forMonday.Id)));

        // Prepared on Friday evening to show on Saturday at 8:00 in Paris: nobody sees it nor is told before; at 8:00 its families are told.
        var paul = await app.MeAsync(Personas.Paul);
        var saturdayEight = new DateTimeOffset(2026, 9, 19, 6, 0, 0, TimeSpan.Zero);
        var prepared = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(paul, french.Id,
            new HomeworkInput(null, monday, HomeworkKind.Read, "<p>Lire le poème préparé</p>", 10, VisibleFrom: saturdayEight), Ct));
        Assert.True(prepared.Succeeded && prepared.Errors is null);
        Assert.DoesNotContain((await app.ToDoOfAsync(Personas.Hugo)).Days.SelectMany(d => d.Items), i => i.Id == prepared.Value!.Id);
        Assert.Empty(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(prepared.Value!.Id)));
        app.Clock.SetUtcNow(saturdayEight.AddMinutes(1));
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (!(await app.ToldAsync(HomeworkNotices.Set, HomeworkNotices.Key(prepared.Value.Id))).Contains(await app.UserIdAsync(Personas.Hugo)))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The prepared homework's families were not told within 30 s of its showing.");
            await Task.Delay(50, Ct);
        }

        Assert.Contains((await app.ToDoOfAsync(Personas.Hugo)).Days.SelectMany(d => d.Items), i => i.Id == prepared.Value.Id);

        // Sunday 25 October 2026, 00:30 in Paris, still summer time (22:30 UTC on Saturday): Sunday it is.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero));
        var sunday = new DateOnly(2026, 10, 25);
        Assert.Equal(sunday, await app.TodayAsync());
        var afterChange = await app.SetAsync(Personas.Paul, french.Id, new DateOnly(2026, 10, 26), "Relire le texte de la semaine", minutes: 15);
        hugo = await app.ToDoOfAsync(Personas.Hugo);
        Assert.Equal(new DateOnly(2026, 10, 26), hugo.NextSchoolDay);
        Assert.Contains(hugo.Days.Single(d => d.Date == new DateOnly(2026, 10, 26)).Items, i => i.Id == afterChange.Id);
        Assert.DoesNotContain(hugo.Overdue, i => i.Id == afterChange.Id);
        // Monday's homework of September is long past: not late any more after two weeks.
        Assert.DoesNotContain(hugo.Overdue, i => i.Id == forMonday.Id);
        // 23:30 UTC is 00:30 in Paris after the change (winter time): Monday already.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 10, 26), await app.TodayAsync());

        // Isabelle invites an inspector to Jules Ferry until Wednesday: reads and signs until then, not after.
        var diary = await app.DiaryOfCe2Async();
        var isabelle = await app.MeAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        // An adult of another school (the demo has no inspector), her account activated.
        var inspectorLogin = await app.WithDbAsync(db => db.Users.Where(u => u.FirstName == "Martine" && u.LastName == "Colin").Select(u => u.Login).SingleAsync(Ct));
        await app.WithDbAsync(db => db.Users.Where(u => u.Login == inspectorLogin).ExecuteUpdateAsync(s => s.SetProperty(u => u.State, AccountState.Active), Ct));
        var inspectorId = await app.UserIdAsync(inspectorLogin);
        var wednesday = new DateOnly(2026, 10, 28);
        var grant = await app.WithAsync<Visas, Outcome<HwInspector>>(v => v.InviteAsync(isabelle, julesFerry, inspectorId, wednesday, Ct));
        Assert.True(grant.Succeeded && grant.Errors is null);
        var claire = await app.MeAsync(Personas.Claire);
        Assert.False((await app.WithAsync<Visas, Outcome<HwInspector>>(v => v.InviteAsync(claire, julesFerry, inspectorId, wednesday, Ct))).Found);
        var inspector = await app.MeAsync(inspectorLogin);
        var view = await app.WithAsync<HomeworkAccess, BookView?>(a => a.FindAsync(inspector, diary.Id, Ct));
        Assert.NotNull(view);
        Assert.False(view.CanWrite);
        Assert.True(view.CanVisa);
        Assert.True((await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(inspector, diary.Id, null, "Inspection du 26 octobre", Ct))).Succeeded);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 28, 22, 30, 0, TimeSpan.Zero)); // Wednesday 23:30 in Paris: still his day
        Assert.NotNull(await app.WithAsync<HomeworkAccess, BookView?>(a => a.FindAsync(inspector, diary.Id, Ct)));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 28, 23, 30, 0, TimeSpan.Zero)); // Thursday 00:30: over
        Assert.Null(await app.WithAsync<HomeworkAccess, BookView?>(a => a.FindAsync(inspector, diary.Id, Ct)));
        Assert.False((await app.WithAsync<Visas, Outcome<HwVisa>>(v => v.SignAsync(inspector, diary.Id, null, null, Ct))).Found);
    }
}

public sealed class SqliteHomeworkTimeTests(SqliteApp app) : HomeworkTimeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomeworkTimeTests(PostgresApp app) : HomeworkTimeTests(app), IClassFixture<PostgresApp>;
