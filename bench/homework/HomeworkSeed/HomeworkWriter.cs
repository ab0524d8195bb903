using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Preau.Bench.Visibility;
using Preau.Homework.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Bench.Homework;

/// <summary>
/// The cahiers de textes of a generated city for the school year 2026-2027, written with binary
/// COPY into the module's own tables (src/Preau.Data.Postgres/Migrations/*_Homework.cs): one class
/// diary per class of the écoles, one book per subject for each class of the collèges and the lycée
/// (its pupils' group as audience, as ManageBooks opens it) and one per teaching group. The homework
/// rows are shared out between the books by weight (a class diary carries a whole class's day, a
/// subject's book a few per week, more for French and mathematics than for music), due on the school
/// days from September to the start of July (no weekend, public holiday or vacation; no Wednesday in
/// the écoles), given one to five school days before, a few prepared in advance (visible from the day
/// they are given), 3 % for some pupils only, one weekly series per book; the pupils tick
/// <c>doneRate</c> of what was due before today, and a little of what is due in the next two weeks.
/// Deterministic for one seed (ids are version-7 GUIDs made from the seeded random).
/// </summary>
internal sealed class HomeworkWriter(IServiceProvider services, GeneratedPlatform platform, int seed, double doneRate)
{
    private static readonly DateOnly YearStart = new(2026, 9, 1);
    private static readonly DateOnly YearEnd = new(2027, 7, 3);

    // Vacations of zone C, 2026-2027 (first and last day off).
    private static readonly (DateOnly From, DateOnly To)[] Vacations =
    [
        (new(2026, 10, 17), new(2026, 11, 1)),
        (new(2026, 12, 19), new(2027, 1, 3)),
        (new(2027, 2, 20), new(2027, 3, 7)),
        (new(2027, 4, 17), new(2027, 5, 2)),
    ];

    private static readonly (string Subject, double Weight)[] SecondDegreeSubjects =
    [
        ("Français", 3), ("Mathématiques", 3), ("Histoire-géographie", 2), ("Anglais", 2), ("SVT", 1),
        ("Physique-chimie", 1), ("Technologie", 0.8), ("Arts plastiques", 0.3), ("Éducation musicale", 0.3), ("EPS", 0.2),
    ];

    private static readonly (HomeworkKind Kind, string Text)[] Texts =
    [
        (HomeworkKind.Exercise, "Exercices 3 à 6 page 42 du manuel."),
        (HomeworkKind.Exercise, "Terminer la fiche d'exercices commencée en classe."),
        (HomeworkKind.Exercise, "Faire les exercices du cahier d'activités, leçon 7."),
        (HomeworkKind.Lesson, "Apprendre la leçon et savoir refaire l'exemple du cours."),
        (HomeworkKind.Lesson, "Revoir le vocabulaire de l'unité et le tableau de conjugaison."),
        (HomeworkKind.Lesson, "Apprendre la poésie, les deux premières strophes."),
        (HomeworkKind.Test, "Réviser pour l'évaluation : leçons 1 à 3 et les exercices corrigés."),
        (HomeworkKind.Read, "Lire le chapitre suivant et noter les mots inconnus."),
        (HomeworkKind.Read, "Lire le document distribué et répondre aux trois questions."),
        (HomeworkKind.Bring, "Apporter une boîte à chaussures et des feutres."),
        (HomeworkKind.Sign, "Faire signer le mot dans le cahier de liaison."),
        (HomeworkKind.Other, "Préparer l'exposé avec son groupe (plan et sources)."),
    ];

    private readonly Random _random = new(seed + 9);

    private sealed record Book(Guid Id, Guid StructureId, Guid? ClassId, Guid AudienceGroupId, BookKind Kind, string Subject, double Weight,
        IReadOnlyList<Guid> Pupils, IReadOnlyList<Guid> Teachers, IReadOnlyList<DateOnly> Days);

    public async Task<IReadOnlyList<(string Key, object Value)>> WriteAsync(int rows, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(SchoolTime.ToParis(now).DateTime);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var pupilGroups = await db.Groups.AsNoTracking()
            .Where(g => g.ClassId != null && g.Kind == GroupKind.Profile && g.Profile == Profile.Student)
            .ToDictionaryAsync(g => g.ClassId!.Value, g => g.Id, ct);
        var books = Books(pupilGroups);
        var totalWeight = books.Sum(b => b.Weight);

        // No timeout: a COPY of millions of rows ends with the server's work, longer than a command's 30 s.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(ct);
        var deferred = await BulkLoad.DropSecondaryAsync(connection, ["hw_homework", "hw_targets", "hw_done"], ct);
        using (var copy = connection.BeginBinaryImport(
            "COPY hw_books (id, structure_id, class_id, audience_group_id, kind, subject, created_by, created_at, frozen_until) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var book in books)
            {
                copy.StartRow();
                copy.Write(book.Id, NpgsqlDbType.Uuid);
                copy.Write(book.StructureId, NpgsqlDbType.Uuid);
                WriteNullable(copy, book.ClassId);
                copy.Write(book.AudienceGroupId, NpgsqlDbType.Uuid);
                copy.Write((int)book.Kind, NpgsqlDbType.Integer);
                copy.Write(book.Subject, NpgsqlDbType.Varchar);
                copy.Write(book.Teachers.Count > 0 ? book.Teachers[0] : Guid.Empty, NpgsqlDbType.Uuid);
                copy.Write(new DateTimeOffset(2026, 8, 31, 8, 0, 0, TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                // One book in ten is under the direction's visa up to the Toussaint.
                if (_random.Next(10) == 0)
                {
                    copy.Write(new DateOnly(2026, 10, 16), NpgsqlDbType.Date);
                }
                else
                {
                    copy.WriteNull();
                }
            }

            copy.Complete();
        }

        var targets = new List<(Guid Homework, Guid Pupil)>();
        var ticks = new List<(Guid Pupil, Guid Homework, DateTimeOffset At)>();
        long homework = 0, targeted = 0;
        using (var copy = connection.BeginBinaryImport(
            "COPY hw_homework (id, book_id, audience_group_id, session_id, given_on, due_on, due_session_id, kind, description, summary, minutes, targeted, visible_from, recurrence_id, author_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            var cumulative = 0.0;
            var written = 0L;
            foreach (var book in books)
            {
                cumulative += book.Weight;
                var count = (int)(Math.Round(rows * cumulative / totalWeight) - written);
                written += count;
                if (count <= 0 || book.Days.Count == 0)
                {
                    continue;
                }

                var dueIndexes = Enumerable.Range(0, count).Select(_ => _random.Next(book.Days.Count)).Order().ToList();
                var recurrence = NewId(new DateTimeOffset(2026, 9, 1, 16, 0, 0, TimeSpan.Zero));
                var weekly = book.Days[_random.Next(Math.Min(5, book.Days.Count))].DayOfWeek;
                foreach (var dueIndex in dueIndexes)
                {
                    var due = book.Days[dueIndex];
                    var given = book.Days[Math.Max(0, dueIndex - 1 - _random.Next(5))];
                    if (given >= due)
                    {
                        given = due.AddDays(-1);
                    }

                    var created = new DateTimeOffset(given.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero) + TimeSpan.FromMinutes(_random.Next(240));
                    DateTimeOffset? visibleFrom = null;
                    if (created > now)
                    {
                        // Written ahead, shown from the day it is given.
                        visibleFrom = new DateTimeOffset(given.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
                        created = now - TimeSpan.FromHours(1 + _random.Next(24 * 20));
                    }

                    var (kind, text) = Texts[_random.Next(Texts.Length)];
                    var isTargeted = book.Pupils.Count > 4 && _random.Next(100) < 3;
                    var isWeekly = due.DayOfWeek == weekly && _random.Next(4) == 0;
                    if (isWeekly)
                    {
                        (kind, text) = (HomeworkKind.Read, "Lire quinze minutes le livre de la semaine.");
                    }

                    var id = NewId(created);
                    var author = book.Teachers.Count > 0 ? book.Teachers[_random.Next(book.Teachers.Count)] : Guid.Empty;
                    int? minutes = _random.Next(10) < 7 ? 5 * (1 + _random.Next(12)) : null;
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Uuid);
                    copy.Write(book.Id, NpgsqlDbType.Uuid);
                    copy.Write(book.AudienceGroupId, NpgsqlDbType.Uuid);
                    copy.WriteNull();
                    copy.Write(given, NpgsqlDbType.Date);
                    copy.Write(due, NpgsqlDbType.Date);
                    copy.WriteNull();
                    copy.Write((int)kind, NpgsqlDbType.Integer);
                    copy.Write("<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>", NpgsqlDbType.Text);
                    copy.Write(text, NpgsqlDbType.Varchar);
                    WriteNullable(copy, minutes);
                    copy.Write(isTargeted, NpgsqlDbType.Boolean);
                    WriteNullable(copy, visibleFrom);
                    WriteNullable(copy, isWeekly ? recurrence : (Guid?)null);
                    copy.Write(author, NpgsqlDbType.Uuid);
                    copy.Write(created, NpgsqlDbType.TimestampTz);
                    copy.Write(created, NpgsqlDbType.TimestampTz);
                    homework++;

                    IReadOnlyList<Guid> concerned = book.Pupils;
                    if (isTargeted)
                    {
                        targeted++;
                        concerned = [.. book.Pupils.OrderBy(_ => _random.Next()).Take(1 + _random.Next(4))];
                        targets.AddRange(concerned.Select(p => (id, p)));
                    }

                    // Ticks: most of the past's, a little of the next two weeks' (done ahead).
                    var p = due < today ? doneRate : due <= today.AddDays(14) && visibleFrom is null ? doneRate / 4 : 0;
                    if (p > 0)
                    {
                        var at = new DateTimeOffset(due.AddDays(-1).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
                        at = at > now ? now - TimeSpan.FromMinutes(1 + _random.Next(600)) : at;
                        at = at < created ? created + TimeSpan.FromMinutes(30) : at;
                        foreach (var pupil in concerned)
                        {
                            if (_random.NextDouble() < p)
                            {
                                ticks.Add((pupil, id, at));
                            }
                        }
                    }
                }
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("COPY hw_targets (homework_id, pupil_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, pupil) in targets)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Uuid);
                copy.Write(pupil, NpgsqlDbType.Uuid);
            }

            copy.Complete();
        }

        // In the primary key's order (pupil, homework): the index grows at its end.
        ticks.Sort((a, b) => a.Pupil != b.Pupil ? a.Pupil.CompareTo(b.Pupil) : a.Homework.CompareTo(b.Homework));
        using (var copy = connection.BeginBinaryImport("COPY hw_done (homework_id, pupil_id, done_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (pupil, id, at) in ticks)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Uuid);
                copy.Write(pupil, NpgsqlDbType.Uuid);
                copy.Write(at, NpgsqlDbType.TimestampTz);
            }

            copy.Complete();
        }

        await BulkLoad.RestoreAsync(connection, deferred, ct);

        // As autovacuum would after such a load: statistics for the planner, and the visibility map
        // (an index-only scan needs it).
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE hw_books, hw_homework, hw_targets, hw_done", connection))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        return
        [
            ("books", books.Count),
            ("class_diaries", books.Count(b => b.Kind == BookKind.ClassDiary)),
            ("homework", homework),
            ("targeted", targeted),
            ("targets", targets.Count),
            ("done", ticks.Count),
            ("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("homework_seconds", watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
        ];
    }

    private List<Book> Books(Dictionary<Guid, Guid> pupilGroups)
    {
        var firstDegreeDays = SchoolDays(wednesday: false);
        var secondDegreeDays = SchoolDays(wednesday: true);
        var books = new List<Book>();
        foreach (var school in platform.Schools)
        {
            var second = school.Type is StructureType.College or StructureType.Lycee;
            foreach (var schoolClass in school.Classes)
            {
                var teachers = schoolClass.Teachers.Count > 0 ? schoolClass.Teachers : school.Teachers;
                var audience = pupilGroups[schoolClass.Id];
                if (!second)
                {
                    // The class diary carries the whole day of a class: less in maternelle.
                    var weight = schoolClass.Level <= ClassLevel.GS ? 2.0 : 8.0;
                    books.Add(new Book(NewId(Start), school.Id, schoolClass.Id, audience, BookKind.ClassDiary, "", weight, schoolClass.Pupils, teachers, firstDegreeDays));
                    continue;
                }

                foreach (var (subject, weight) in SecondDegreeSubjects)
                {
                    books.Add(new Book(NewId(Start), school.Id, schoolClass.Id, audience, BookKind.Subject, subject, weight, schoolClass.Pupils, teachers, secondDegreeDays));
                }
            }

            foreach (var group in school.TeachingGroups)
            {
                var subject = group.Name.Length > HwBook.SubjectMax ? group.Name[..HwBook.SubjectMax] : group.Name;
                books.Add(new Book(NewId(Start), school.Id, null, group.Id, BookKind.Subject, subject, 1.5, group.Pupils, group.Teachers, secondDegreeDays));
            }
        }

        return books;
    }

    private static readonly DateTimeOffset Start = new(2026, 8, 31, 8, 0, 0, TimeSpan.Zero);

    private static List<DateOnly> SchoolDays(bool wednesday)
    {
        var days = new List<DateOnly>();
        for (var day = YearStart; day <= YearEnd; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (!wednesday && day.DayOfWeek == DayOfWeek.Wednesday)
                || SchoolCalendar.IsPublicHoliday(day) || Array.Exists(Vacations, v => v.From <= day && day <= v.To))
            {
                continue;
            }

            days.Add(day);
        }

        return days;
    }

    /// <summary>A version-7 GUID (time-ordered, as Guid.CreateVersion7) at <paramref name="at"/>, its random part from the seeded random.</summary>
    private Guid NewId(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
