using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Homework;

/// <summary>Calls the cahier de textes' use cases as a person of the demo city, each in its own scope as a request would.</summary>
internal static class HomeworkData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<Guid> GroupIdAsync(this PreauApp app, string name) =>
        app.WithDbAsync(db => db.Groups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync(Ct));

    /// <summary>Paul's French book of 5e B (its teaching group).</summary>
    public static async Task<HwBook> FrenchOf5eBAsync(this PreauApp app)
    {
        var paul = await app.MeAsync(Personas.Paul);
        var group = await app.GroupIdAsync("5e B — Français");
        var book = await app.WithAsync<ManageBooks, Outcome<HwBook>>(m => m.OpenAsync(paul, null, group, "Français", Ct));
        Assert.True(book.Succeeded, "Paul opens the French book of 5e B");
        return book.Value!;
    }

    /// <summary>Claire's class diary of CE2 A.</summary>
    public static async Task<HwBook> DiaryOfCe2Async(this PreauApp app)
    {
        var claire = await app.MeAsync(Personas.Claire);
        var ce2 = claire.Classes.Single(c => c.Name == "CE2 A").Id;
        var book = await app.WithAsync<ManageBooks, Outcome<HwBook>>(m => m.OpenAsync(claire, ce2, null, null, Ct));
        Assert.True(book.Succeeded, "Claire opens the diary of CE2 A");
        Assert.Equal(BookKind.ClassDiary, book.Value!.Kind);
        return book.Value;
    }

    /// <summary>A subject's book of Claire's CE2 A.</summary>
    public static async Task<HwBook> BookOfCe2Async(this PreauApp app, string subject)
    {
        var claire = await app.MeAsync(Personas.Claire);
        var ce2 = claire.Classes.Single(c => c.Name == "CE2 A").Id;
        var book = await app.WithAsync<ManageBooks, Outcome<HwBook>>(m => m.OpenAsync(claire, ce2, null, subject, Ct));
        Assert.True(book.Succeeded, $"Claire opens the {subject} book of CE2 A");
        Assert.Equal(BookKind.Subject, book.Value!.Kind);
        return book.Value;
    }

    public static Task<DateOnly> TodayAsync(this PreauApp app) => app.WithAsync<SchoolCalendar, DateOnly>(c => Task.FromResult(c.Today()));

    public static Task<DateOnly> NextSchoolDayAsync(this PreauApp app, DateOnly after) => app.WithAsync<SchoolCalendar, DateOnly>(c => Task.FromResult(c.NextSchoolDay(after)));

    public static async Task<HwHomework> SetAsync(this PreauApp app, string teacher, Guid bookId, DateOnly due, string text, int? minutes = null, IReadOnlyCollection<Guid>? pupils = null, HomeworkKind kind = HomeworkKind.Exercise)
    {
        var me = await app.MeAsync(teacher);
        var set = await app.WithAsync<WriteDiary, Outcome<HwHomework>>(w => w.AddHomeworkAsync(me, bookId, new HomeworkInput(null, due, kind, $"<p>{text}</p>", minutes, pupils), Ct));
        Assert.True(set.Succeeded && set.Errors is null, $"{teacher} sets '{text}': {string.Join(", ", set.Errors?.SelectMany(e => e.Value) ?? [])}");
        return set.Value!;
    }

    public static async Task<ToDoList> ToDoOfAsync(this PreauApp app, string pupil)
    {
        var me = await app.MeAsync(pupil);
        return await app.WithAsync<ToDo, ToDoList>(t => t.ForPupilAsync(me, Ct));
    }

    public static IReadOnlyList<string> Summaries(this ToDoList list) =>
        [.. list.Overdue.Concat(list.Days.SelectMany(d => d.Items)).Select(i => i.Summary)];


    public static Task<List<Guid>> PupilsOfAsync(this PreauApp app, Guid groupId) =>
        app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == groupId)
            .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => u.Id).ToListAsync(Ct));
}
