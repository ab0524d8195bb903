using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Demo;

/// <summary>
/// The demo's cahiers de textes: Claire's CE2 A diary (today's lessons, homework for the next
/// school day, a weekly reading), Paul's French book of 5e B (a lesson, homework for the next school
/// day and the week after — the first with Paul's worksheet joined from his documents — one for Hugo
/// only). Written through the module's use cases, as from the pages.
/// </summary>
internal sealed class HomeworkDemo(ManageBooks books, WriteDiary write, HomeworkAttachments attachments, SchoolCalendar calendar, PreauDbContext db) : IDemoContent
{
    public int Order => 40;

    public async Task SeedAsync(DemoPeople people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var today = calendar.Today();
        var next = calendar.NextSchoolDay(today);
        var lastSchoolDay = today;
        while (!calendar.IsSchoolDay(lastSchoolDay))
        {
            lastSchoolDay = lastSchoolDay.AddDays(-1);
        }

        var claire = await people.PersonAsync("claire.martin", ct);
        var ce2 = claire.Classes.First(c => c.Name == "CE2 A");
        var diary = Made(await books.OpenAsync(claire, ce2.Id, null, null, ct));
        Made(await write.SaveSessionAsync(claire, diary.Id, null, new SessionInput(lastSchoolDay, new TimeOnly(8, 30), new TimeOnly(10, 0), "Lecture\u00A0: Le Petit Prince, chapitre 2",
            "<p>Lecture à voix haute, puis dessin du mouton.</p>"), ct));
        Made(await write.SaveSessionAsync(claire, diary.Id, null, new SessionInput(lastSchoolDay, new TimeOnly(10, 30), new TimeOnly(11, 30), "Mathématiques\u00A0: les fractions",
            "<p>Partager une pizza en parts égales, écrire ½ et ¼.</p>"), ct));
        Made(await write.AddHomeworkAsync(claire, diary.Id, new HomeworkInput(lastSchoolDay, next, HomeworkKind.Read, "<p>Relire le chapitre 2 du <em>Petit Prince</em>.</p>", 15), ct));
        Made(await write.AddHomeworkAsync(claire, diary.Id, new HomeworkInput(lastSchoolDay, next, HomeworkKind.Sign, "<p>Faire signer le mot sur la sortie à la médiathèque.</p>", 2), ct));
        Made(await write.AddHomeworkAsync(claire, diary.Id, new HomeworkInput(lastSchoolDay, calendar.NextSchoolDay(next), HomeworkKind.Lesson,
            "<p>Apprendre la poésie <em>Le Cancre</em>, les deux premières strophes.</p>", 20), ct));

        var paul = await people.PersonAsync("paul.bernard", ct);
        var frenchGroup = await db.Groups.Where(g => g.Name == "5e B — Français").Select(g => g.Id).FirstAsync(ct);
        var french = Made(await books.OpenAsync(paul, null, frenchGroup, "Français", ct));
        var lesson = Made(await write.SaveSessionAsync(paul, french.Id, null, new SessionInput(lastSchoolDay, new TimeOnly(14, 0), new TimeOnly(15, 0), "Les Fables de La Fontaine",
            "<p>Étude de <em>Le Corbeau et le Renard</em>\u00A0: la morale, les personnages.</p>"), ct));
        var exercises = Made(await write.AddHomeworkAsync(paul, french.Id, new HomeworkInput(lastSchoolDay, next, HomeworkKind.Exercise,
            "<p>Fiche d’exercices sur le passé simple, exercices 1 à 4.</p>", 30, SessionId: lesson.Id), ct));
        // The worksheet itself, from Paul's documents (the document space's demo put it there).
        if (attachments.Source is { } documents && await documents.BrowseAsync(paul, documents.Root, "passé simple", 1, ct) is { Documents: [var sheet, ..] })
        {
            Made(await attachments.AttachAsync(paul, EntryKind.Homework, exercises.Id, [sheet.Id], ct));
        }

        Made(await write.AddHomeworkAsync(paul, french.Id, new HomeworkInput(lastSchoolDay, today.AddDays(7), HomeworkKind.Test,
            "<p>Réviser le contrôle sur les Fables (leçons 1 à 3).</p>", 45), ct));
        var hugo = await people.PersonAsync("hugo.dubois", ct);
        Made(await write.AddHomeworkAsync(paul, french.Id, new HomeworkInput(lastSchoolDay, next, HomeworkKind.Other,
            "<p>Terminer la rédaction commencée en classe.</p>", 20, [hugo.Id]), ct));
    }

    private static T Made<T>(Outcome<T> outcome) =>
        outcome is { Succeeded: true, Errors: null, Value: { } value } ? value : throw new InvalidOperationException("The demo's cahier de textes could not be written.");
}
