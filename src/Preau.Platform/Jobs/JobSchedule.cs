using System.Globalization;
using Preau.Platform.Kernel;

namespace Preau.Platform.Jobs;

/// <summary>
/// When a recurring job runs: every day, or one day of the week, at a wall-clock time of a time
/// zone (Europe/Paris unless told otherwise). Safe across the changes of time: a time the spring
/// change skips runs at the same distance after the jump (02:30 becomes 03:30); a time the autumn
/// change repeats runs once, at its first occurrence.
/// </summary>
public sealed record JobSchedule(DayOfWeek? Day, TimeOnly At, TimeZoneInfo Zone)
{
    public static JobSchedule Daily(TimeOnly at, TimeZoneInfo? zone = null) => new(null, at, zone ?? SchoolTime.Zone);

    public static JobSchedule Weekly(DayOfWeek day, TimeOnly at, TimeZoneInfo? zone = null) => new(day, at, zone ?? SchoolTime.Zone);

    /// <summary>Reads "17:30" (every day) or "Friday 17:30" (English day names, any case).</summary>
    public static JobSchedule Parse(string text, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !TimeOnly.TryParseExact(parts[^1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new FormatException($"A schedule reads \"17:30\" or \"Friday 17:30\", not \"{text}\".");
        }

        if (parts.Length == 1)
        {
            return Daily(at, zone);
        }

        return Enum.TryParse<DayOfWeek>(parts[0], ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(parts[0], CultureInfo.InvariantCulture, out _)
            ? Weekly(day, at, zone)
            : throw new FormatException($"Unknown day \"{parts[0]}\" in the schedule \"{text}\" (Monday … Sunday).");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, Zone).DateTime);
        for (var d = today.AddDays(-1); ; d = d.AddDays(1))
        {
            if (Matches(d) && InstantOn(d) is var instant && instant > after)
            {
                return instant;
            }
        }
    }

    /// <summary>The last occurrence strictly before <paramref name="before"/>.</summary>
    public DateTimeOffset Previous(DateTimeOffset before)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(before, Zone).DateTime);
        for (var d = today.AddDays(1); ; d = d.AddDays(-1))
        {
            if (Matches(d) && InstantOn(d) is var instant && instant < before)
            {
                return instant;
            }
        }
    }

    private bool Matches(DateOnly date) => Day is not { } day || date.DayOfWeek == day;

    /// <summary>The instant of <see cref="At"/> on a local date: one instant per date, whatever the change of time.</summary>
    private DateTimeOffset InstantOn(DateOnly date)
    {
        var local = date.ToDateTime(At, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Skipped by the spring change: the offset before the jump puts it as far after it.
            return new DateTimeOffset(local, Zone.GetUtcOffset(local.AddHours(-3))).ToUniversalTime();
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // Repeated by the autumn change: the first of the two (the larger offset).
            return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public override string ToString() =>
        (Day is { } day ? day.ToString() + " " : string.Empty) + At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + Zone.Id;
}
