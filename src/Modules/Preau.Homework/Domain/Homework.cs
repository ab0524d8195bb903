namespace Preau.Homework.Domain;

/// <summary>The 1st degree keeps one diary per class; the 2nd degree one book per class or teaching group and subject.</summary>
public enum BookKind
{
    /// <summary>A class's daily diary (école): what we did, what to do for when.</summary>
    ClassDiary = 1,

    /// <summary>A subject's book for a class or a teaching group (collège, lycée).</summary>
    Subject = 2,
}

/// <summary>What the pupil has to do: each kind has its pictogram for pupils who do not read yet.</summary>
public enum HomeworkKind
{
    Exercise = 1,
    Lesson = 2,
    Test = 3,
    Bring = 4,
    Read = 5,
    Sign = 6,
    Other = 7,
}

/// <summary>
/// A cahier de textes: the official record of a class's or a teaching group's lessons in a
/// subject and the homework set. Its audience is a group of the directory (the class's pupils or a
/// teaching group): its members are the pupils who see the homework, and the class's teachers or
/// the group's teachers write in it.
/// </summary>
public sealed class HwBook
{
    public const int SubjectMax = 80;

    public Guid Id { get; init; }

    public Guid StructureId { get; init; }

    /// <summary>The class it is for, or the class of its teaching group.</summary>
    public Guid? ClassId { get; init; }

    /// <summary>The directory group whose pupils it addresses (a class's pupils, a teaching group).</summary>
    public Guid AudienceGroupId { get; init; }

    public BookKind Kind { get; init; }

    /// <summary>"Français", "Mathématiques"…; empty for a class diary.</summary>
    public string Subject { get; set; } = "";

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Entries dated up to this day are under a visa: frozen.</summary>
    public DateOnly? FrozenUntil { get; set; }
}

/// <summary>A lesson recorded: what was done in class, on a day and a time slot.</summary>
public sealed class HwSession
{
    public const int TitleMax = 200;

    public Guid Id { get; init; }

    public Guid BookId { get; init; }

    public DateOnly Date { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Rich text, sanitized on save and on render.</summary>
    public string Body { get; set; } = "";

    /// <summary>Pupils and parents see it from this instant (prepared in advance); null: at once.</summary>
    public DateTimeOffset? VisibleFrom { get; set; }

    public Guid AuthorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Homework: set on a day, due for a day (or the next session), for the whole audience or some of
/// its pupils. <see cref="AudienceGroupId"/> repeats the book's, so that a pupil's "À faire" reads
/// one index by their groups and the due date.
/// </summary>
public sealed class HwHomework
{
    public const int MaxMinutes = 600;

    public Guid Id { get; init; }

    public Guid BookId { get; init; }

    public Guid AudienceGroupId { get; init; }

    /// <summary>The lesson it was set in, when it was.</summary>
    public Guid? SessionId { get; set; }

    public DateOnly GivenOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>Due for this session (its date is <see cref="DueOn"/>).</summary>
    public Guid? DueSessionId { get; set; }

    public HomeworkKind Kind { get; set; }

    /// <summary>Rich text, sanitized on save and on render.</summary>
    public string Description { get; set; } = "";

    /// <summary>Plain text of the description, for lists, feeds and calendars.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The teacher's estimate of the time it takes, in minutes.</summary>
    public int? Minutes { get; set; }

    /// <summary>For some pupils only (<see cref="HwTarget"/>), not the whole audience.</summary>
    public bool Targeted { get; set; }

    public DateTimeOffset? VisibleFrom { get; set; }

    /// <summary>The occurrences of a weekly or fortnightly entry share it.</summary>
    public Guid? RecurrenceId { get; set; }

    public Guid AuthorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A pupil a targeted homework is for.</summary>
public sealed class HwTarget
{
    public Guid HomeworkId { get; init; }

    public Guid PupilId { get; init; }
}

/// <summary>A pupil's own tick: done. The teacher sees the count, never who did not.</summary>
public sealed class HwDone
{
    public Guid HomeworkId { get; init; }

    public Guid PupilId { get; init; }

    public DateTimeOffset DoneAt { get; init; }
}

/// <summary>
/// The direction's (or an inspector's) visa on a book: a dated seal. Entries dated up to
/// <see cref="UpTo"/> can no longer be changed nor removed.
/// </summary>
public sealed class HwVisa
{
    public const int CommentMax = 1000;

    public Guid Id { get; init; }

    public Guid BookId { get; init; }

    public DateOnly UpTo { get; init; }

    public Guid SignedBy { get; init; }

    public DateTimeOffset SignedAt { get; init; }

    public string Comment { get; init; } = "";
}

/// <summary>An inspector invited by the direction to read a school's books and set visas, until a day.</summary>
public sealed class HwInspector
{
    public Guid Id { get; init; }

    public Guid StructureId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The last day of the right, included.</summary>
    public DateOnly Until { get; set; }

    public Guid GrantedBy { get; init; }

    public DateTimeOffset GrantedAt { get; init; }
}

public enum CalendarScope
{
    /// <summary>One pupil's homework (made by the pupil or a parent).</summary>
    Pupil = 1,

    /// <summary>A class's homework, whole-class ones (made by a teacher of the class).</summary>
    Class = 2,
}

/// <summary>
/// A private calendar address: whoever has it reads the homework without a session, so only the
/// secret's hash is kept; revoking it (or making a new one) kills the old address.
/// </summary>
public sealed class HwCalendarKey
{
    public Guid Id { get; init; }

    public CalendarScope Scope { get; init; }

    /// <summary>The pupil's id, or the class's.</summary>
    public Guid SubjectId { get; init; }

    /// <summary>SHA-256 of the secret in the address, hex.</summary>
    public string SecretHash { get; init; } = "";

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
