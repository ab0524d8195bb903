using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.RichText;

namespace Preau.Homework.Features;

public enum Repeat
{
    None = 0,
    Weekly = 1,
    Fortnightly = 2,
}

/// <summary>A lesson as typed: a day, a time slot, a title, what was done.</summary>
public sealed record SessionInput(DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Title, string? Body, DateTimeOffset? VisibleFrom = null);

/// <summary>
/// Homework as typed: given on a day (today when missing), due on a day or for a session, its
/// kind, what to do, the time it takes, for some pupils only (or all), visible from an instant;
/// repeated every week or every other week until a day (the 1st degree's diary).
/// </summary>
public sealed record HomeworkInput(
    DateOnly? GivenOn,
    DateOnly? DueOn,
    HomeworkKind Kind,
    string? Description,
    int? Minutes = null,
    IReadOnlyCollection<Guid>? Pupils = null,
    DateTimeOffset? VisibleFrom = null,
    Guid? SessionId = null,
    Guid? DueSessionId = null,
    Repeat Repeat = Repeat.None,
    DateOnly? RepeatUntil = null);

/// <summary>
/// Writes a book's lessons and homework. Only its writers do; nothing dated under a visa changes
/// (a frozen entry can be neither edited nor removed, and nothing new is dated there); targeted
/// pupils must be of the audience; a repeated homework is stored as its occurrences (school days
/// only), each one its own (done, changed, removed on its own), sharing a recurrence id.
/// </summary>
public sealed class WriteDiary(PreauDbContext db, HomeworkAccess access, RichTextSanitizer sanitizer, HomeworkNotices notices, HomeworkAttachments attachments,
    SchoolCalendar calendar, TimeProvider clock)
{
    public static readonly RichTextPolicy Text = RichTextPolicy.TextOnly(50_000);

    /// <summary>At most a school year of weekly occurrences.</summary>
    public const int MaxOccurrences = 45;

    public async Task<Outcome<HwSession>> SaveSessionAsync(UserContext me, Guid bookId, Guid? sessionId, SessionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await access.FindAsync(me, bookId, ct);
        if (view is not { CanWrite: true })
        {
            return Outcome.NotFound<HwSession>();
        }

        var session = sessionId is { } id ? await db.Set<HwSession>().FirstOrDefaultAsync(s => s.Id == id && s.BookId == bookId, ct) : null;
        if (sessionId is not null && session is null)
        {
            return Outcome.NotFound<HwSession>();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = (input.Title ?? "").Trim();
        var body = sanitizer.Sanitize(input.Body, Text);
        if (title.Length == 0 && body.IsEmpty)
        {
            errors["Title"] = ["Error.SessionEmpty"];
        }
        else if (title.Length > HwSession.TitleMax)
        {
            errors["Title"] = ["Error.TitleTooLong"];
        }

        if (body.IsTooLong)
        {
            errors["Body"] = ["Error.TooLong"];
        }

        if (input.Start is { } start && input.End is { } end && end <= start)
        {
            errors["End"] = ["Error.EndBeforeStart"];
        }

        if (view.IsFrozen(input.Date) || (session is not null && view.IsFrozen(session.Date)))
        {
            errors["Date"] = ["Error.Frozen"];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<HwSession>(errors);
        }

        var now = clock.GetUtcNow();
        if (session is null)
        {
            session = new HwSession { Id = Guid.CreateVersion7(), BookId = bookId, AuthorId = me.Id, CreatedAt = now };
            db.Add(session);
        }

        session.Date = input.Date;
        session.Start = input.Start;
        session.End = input.End;
        session.Title = title;
        session.Body = body.Html;
        session.VisibleFrom = input.VisibleFrom;
        session.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Changes a lesson, found by its id alone (its book is its own).</summary>
    public async Task<Outcome<HwSession>> UpdateSessionAsync(UserContext me, Guid sessionId, SessionInput input, CancellationToken ct)
    {
        var bookId = await db.Set<HwSession>().Where(s => s.Id == sessionId).Select(s => (Guid?)s.BookId).FirstOrDefaultAsync(ct);
        return bookId is null ? Outcome.NotFound<HwSession>() : await SaveSessionAsync(me, bookId.Value, sessionId, input, ct);
    }

    public async Task<Outcome<Done>> DeleteSessionAsync(UserContext me, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Set<HwSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var view = session is null ? null : await access.FindAsync(me, session.BookId, ct);
        if (session is null || view is not { CanWrite: true })
        {
            return Outcome.NotFound<Done>();
        }

        if (view.IsFrozen(session.Date))
        {
            return Outcome.Invalid<Done>("Date", "Error.Frozen");
        }

        await attachments.DeleteEntryAsync(session, EntryKind.Session, session.Id, ct);
        return new Done();
    }

    /// <summary>Sets homework (every occurrence when repeated); the first one is returned.</summary>
    public async Task<Outcome<HwHomework>> AddHomeworkAsync(UserContext me, Guid bookId, HomeworkInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await access.FindAsync(me, bookId, ct);
        if (view is not { CanWrite: true })
        {
            return Outcome.NotFound<HwHomework>();
        }

        var checkedInput = await CheckAsync(view, input, null, ct);
        if (checkedInput.Errors is not null)
        {
            return Outcome.Invalid<HwHomework>(checkedInput.Errors);
        }

        var (given, due, description) = checkedInput.Value!;
        var occurrences = Occurrences(due, input.Repeat, input.RepeatUntil);
        var recurrence = occurrences.Count > 1 ? Guid.CreateVersion7() : (Guid?)null;
        var now = clock.GetUtcNow();
        var added = new List<HwHomework>();
        foreach (var date in occurrences)
        {
            var offset = date.DayNumber - due.DayNumber;
            var homework = new HwHomework
            {
                Id = Guid.CreateVersion7(),
                BookId = bookId,
                AudienceGroupId = view.Book.AudienceGroupId,
                AuthorId = me.Id,
                CreatedAt = now,
                RecurrenceId = recurrence,
            };
            Apply(homework, input, given.AddDays(offset), date, description, now);
            homework.DueSessionId = offset == 0 ? input.DueSessionId : null;
            homework.SessionId = offset == 0 ? input.SessionId : null;
            db.Add(homework);
            AddTargets(homework, input.Pupils);
            added.Add(homework);
        }

        await db.SaveChangesAsync(ct);
        await notices.SetAsync(me, view, added[0], isChange: false, ct);
        return added[0];
    }

    public async Task<Outcome<HwHomework>> UpdateHomeworkAsync(UserContext me, Guid homeworkId, HomeworkInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var homework = await db.Set<HwHomework>().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        var view = homework is null ? null : await access.FindAsync(me, homework.BookId, ct);
        if (homework is null || view is not { CanWrite: true })
        {
            return Outcome.NotFound<HwHomework>();
        }

        var checkedInput = await CheckAsync(view, input, homework, ct);
        if (checkedInput.Errors is not null)
        {
            return Outcome.Invalid<HwHomework>(checkedInput.Errors);
        }

        var (given, due, description) = checkedInput.Value!;
        Apply(homework, input, given, due, description, clock.GetUtcNow());
        homework.DueSessionId = input.DueSessionId;
        homework.SessionId = input.SessionId;
        // The targets change with the homework, in the same save.
        var wanted = (input.Pupils ?? []).ToHashSet();
        var current = await db.Set<HwTarget>().Where(t => t.HomeworkId == homework.Id).ToListAsync(ct);
        db.RemoveRange(current.Where(t => !wanted.Contains(t.PupilId)));
        AddTargets(homework, [.. wanted.Except(current.Select(t => t.PupilId))]);
        await db.SaveChangesAsync(ct);
        await notices.SetAsync(me, view, homework, isChange: true, ct);
        return homework;
    }

    public async Task<Outcome<Done>> DeleteHomeworkAsync(UserContext me, Guid homeworkId, CancellationToken ct)
    {
        var homework = await db.Set<HwHomework>().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        var view = homework is null ? null : await access.FindAsync(me, homework.BookId, ct);
        if (homework is null || view is not { CanWrite: true })
        {
            return Outcome.NotFound<Done>();
        }

        if (view.IsFrozen(homework.GivenOn))
        {
            return Outcome.Invalid<Done>("DueOn", "Error.Frozen");
        }

        await attachments.DeleteEntryAsync(homework, EntryKind.Homework, homework.Id, ct);
        await notices.WithdrawAsync(homework.Id, ct);
        return new Done();
    }

    /// <summary>
    /// Copies a lesson or a homework to another book the person writes in (the same lesson in 5e A
    /// and 5e B): the text, dates and kind, the attached documents (one more reference each, charged
    /// to the person; without room for them in the quota, no copy at all); not the targeted pupils, who are another audience's.
    /// </summary>
    public async Task<Outcome<HwHomework>> CopyHomeworkAsync(UserContext me, Guid homeworkId, Guid toBookId, CancellationToken ct)
    {
        var homework = await db.Set<HwHomework>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        var from = homework is null ? null : await access.FindAsync(me, homework.BookId, ct);
        if (homework is null || from is not { CanWrite: true })
        {
            return Outcome.NotFound<HwHomework>();
        }

        var copy = await AddHomeworkAsync(me, toBookId, new HomeworkInput(homework.GivenOn, homework.DueOn, homework.Kind, homework.Description, homework.Minutes, null, homework.VisibleFrom), ct);
        if (copy.Succeeded && !(await attachments.CopyAsync(me, EntryKind.Homework, homeworkId, copy.Value!.Id, ct)).Succeeded)
        {
            await DeleteHomeworkAsync(me, copy.Value.Id, ct);
            return Outcome.Invalid<HwHomework>("Attachments", "Error.AttachmentsQuotaFull");
        }

        return copy;
    }

    public async Task<Outcome<HwSession>> CopySessionAsync(UserContext me, Guid sessionId, Guid toBookId, CancellationToken ct)
    {
        var session = await db.Set<HwSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var from = session is null ? null : await access.FindAsync(me, session.BookId, ct);
        if (session is null || from is not { CanWrite: true })
        {
            return Outcome.NotFound<HwSession>();
        }

        var copy = await SaveSessionAsync(me, toBookId, null, new SessionInput(session.Date, session.Start, session.End, session.Title, session.Body, session.VisibleFrom), ct);
        if (copy.Succeeded && !(await attachments.CopyAsync(me, EntryKind.Session, sessionId, copy.Value!.Id, ct)).Succeeded)
        {
            await DeleteSessionAsync(me, copy.Value.Id, ct);
            return Outcome.Invalid<HwSession>("Attachments", "Error.AttachmentsQuotaFull");
        }

        return copy;
    }

    private static void Apply(HwHomework homework, HomeworkInput input, DateOnly given, DateOnly due, RichText description, DateTimeOffset now)
    {
        homework.GivenOn = given;
        homework.DueOn = due;
        homework.Kind = input.Kind;
        homework.Description = description.Html;
        homework.Summary = description.PlainText.Length > 300 ? description.PlainText[..299] + "…" : description.PlainText;
        homework.Minutes = input.Minutes;
        homework.Targeted = input.Pupils is { Count: > 0 };
        homework.VisibleFrom = input.VisibleFrom;
        homework.UpdatedAt = now;
    }

    private void AddTargets(HwHomework homework, IReadOnlyCollection<Guid>? pupils)
    {
        foreach (var pupil in (pupils ?? []).Distinct())
        {
            db.Add(new HwTarget { HomeworkId = homework.Id, PupilId = pupil });
        }
    }

    private sealed record Checked(DateOnly Given, DateOnly Due, RichText Description);

    private async Task<(Checked? Value, Dictionary<string, string[]>? Errors)> CheckAsync(BookView view, HomeworkInput input, HwHomework? current, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = calendar.Today();
        var given = input.GivenOn ?? current?.GivenOn ?? today;
        var due = input.DueOn;
        if (input.DueSessionId is { } dueSession)
        {
            due = await db.Set<HwSession>().Where(s => s.Id == dueSession && s.BookId == view.Book.Id).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
            if (due is null)
            {
                errors["DueSessionId"] = ["Error.NoSuchSession"];
            }
        }

        if (input.SessionId is { } session && !await db.Set<HwSession>().AnyAsync(s => s.Id == session && s.BookId == view.Book.Id, ct))
        {
            errors["SessionId"] = ["Error.NoSuchSession"];
        }

        if (due is null)
        {
            errors.TryAdd("DueOn", ["Error.DueRequired"]);
        }
        else if (due < given)
        {
            errors["DueOn"] = ["Error.DueBeforeGiven"];
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors["Kind"] = ["Error.Kind"];
        }

        var description = sanitizer.Sanitize(input.Description, Text);
        if (description.IsEmpty)
        {
            errors["Description"] = ["Error.DescriptionRequired"];
        }
        else if (description.IsTooLong)
        {
            errors["Description"] = ["Error.TooLong"];
        }

        if (input.Minutes is < 0 or > HwHomework.MaxMinutes)
        {
            errors["Minutes"] = ["Error.Minutes"];
        }

        if (view.IsFrozen(given) || (current is not null && view.IsFrozen(current.GivenOn)))
        {
            errors["GivenOn"] = ["Error.Frozen"];
        }

        if (input.Repeat != Repeat.None && (current is not null || input.RepeatUntil is null || due is null || input.RepeatUntil < due
            || Occurrences(due.Value, input.Repeat, input.RepeatUntil).Count > MaxOccurrences))
        {
            errors["RepeatUntil"] = ["Error.RepeatUntil"];
        }

        if (input.Pupils is { Count: > 0 } pupils)
        {
            var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == view.Book.AudienceGroupId && pupils.Contains(m.UserId))
                .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => u.Id).CountAsync(ct);
            if (members != pupils.Distinct().Count())
            {
                errors["Pupils"] = ["Error.PupilsNotInAudience"];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new Checked(given, due!.Value, description), null);
    }

    /// <summary>The days of a repeated entry: every week or other week from the first, the days without school left out (a holiday week).</summary>
    private List<DateOnly> Occurrences(DateOnly due, Repeat repeat, DateOnly? until)
    {
        if (repeat == Repeat.None || until is null)
        {
            return [due];
        }

        var step = repeat == Repeat.Weekly ? 7 : 14;
        var dates = new List<DateOnly>();
        for (var d = due; d <= until.Value && dates.Count <= MaxOccurrences; d = d.AddDays(step))
        {
            if (d == due || calendar.IsSchoolDay(d))
            {
                dates.Add(d);
            }
        }

        return dates;
    }
}
