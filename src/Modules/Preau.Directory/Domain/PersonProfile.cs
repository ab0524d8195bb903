namespace Preau.Directory.Domain;

/// <summary>How a person feels today, picked from a short list so that it reads as a picture.</summary>
public enum Mood
{
    Happy = 1,
    Fit = 2,
    Sleepy = 3,
    Sick = 4,
    Busy = 5,
    Holiday = 6,
}

/// <summary>
/// What a person chose to say about themselves in the annuaire: a mood, a motto, whether a
/// photo is set, and which of their personal details those who reach them may read (none
/// unless they say so).
/// </summary>
internal sealed class PersonProfile
{
    public const int MottoMaxLength = 140;

    public Guid UserId { get; init; }
    public Mood? Mood { get; set; }
    public string? Motto { get; set; }
    public bool ShowEmail { get; set; }
    public bool ShowPhone { get; set; }
    public bool ShowBirthDate { get; set; }

    /// <summary>Changes with each new photo: the photo's address and ETag carry it; null without a photo.</summary>
    public string? PhotoTag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The re-encoded square thumbnail of a person's photo (never the bytes they sent).</summary>
internal sealed class PersonPhoto
{
    public Guid UserId { get; init; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public required string Tag { get; set; }
}

public static class Moods
{
    /// <summary>The mood's pictogram, an emoji read with the mood's name.</summary>
    public static string Emoji(Mood mood) => mood switch
    {
        Mood.Happy => "😊",
        Mood.Fit => "💪",
        Mood.Sleepy => "😴",
        Mood.Sick => "🤒",
        Mood.Busy => "📚",
        Mood.Holiday => "🏖️",
        _ => "",
    };
}
