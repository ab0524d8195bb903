using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Kernel;

/// <summary>
/// Bound from "SchoolCalendar": the days without school that the law does not fix. Vacation dates
/// differ by zone (A, B, C) and overseas académie, so the operator enters their own.
/// </summary>
public sealed class SchoolCalendarOptions
{
    public const string Section = "SchoolCalendar";

    /// <summary>Vacations and other closures (ponts, Alsace-Moselle's extra holidays), inclusive.</summary>
    public List<SchoolHoliday> Holidays { get; set; } = [];

    /// <summary>Weekdays without school: the weekend, plus Wednesday where a primary school keeps it free.</summary>
    public List<DayOfWeek> DaysOff { get; set; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];
}

/// <summary>A run of days without school, both ends included ("Vacances de la Toussaint").</summary>
public sealed class SchoolHoliday
{
    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Name { get; set; } = "";

    public bool Contains(DateOnly day) => From <= day && day <= To;
}

/// <summary>
/// Which days have school, in Paris: what homework is due for, and when "tomorrow" really is.
/// </summary>
public sealed class SchoolCalendar(IOptions<SchoolCalendarOptions> options, TimeProvider time)
{
    // More than a year: a longer run without school can only be a misconfiguration.
    private const int MaxDaysAhead = 400;

    private readonly SchoolCalendarOptions _options = options.Value;

    /// <summary>The date in Paris now, whatever the server's zone: at 23:30 UTC it is already tomorrow there.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(SchoolTime.ToParis(time.GetUtcNow()).DateTime);

    public bool IsSchoolDay(DateOnly day) =>
        !_options.DaysOff.Contains(day.DayOfWeek) && !IsPublicHoliday(day) && Vacation(day) is null;

    /// <summary>The first school day strictly after <paramref name="after"/>: when homework set today is due at the earliest.</summary>
    public DateOnly NextSchoolDay(DateOnly after)
    {
        for (var day = after.AddDays(1); day <= after.AddDays(MaxDaysAhead); day = day.AddDays(1))
        {
            if (IsSchoolDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException(
            $"No school day in the {MaxDaysAhead} days after {after:yyyy-MM-dd}: check the \"{SchoolCalendarOptions.Section}\" settings.");
    }

    /// <summary>The Monday of the day's week: French weeks, and the homework planner, start on Monday.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Midnight in Paris as an instant, for "due before" queries. The zone's rules give the offset, not a
    /// constant: +01:00 in winter, +02:00 in summer. Paris changes its clocks at 02:00 and 03:00, so
    /// midnight always exists once, including on the two changeover days.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, SchoolTime.Zone.GetUtcOffset(midnight));
    }

    /// <summary>Why a day has no school, in French, or null for an ordinary day (a plain weekend included).</summary>
    public string? HolidayName(DateOnly day) => PublicHolidayName(day) ?? Vacation(day)?.Name;

    /// <summary>The eleven public holidays of metropolitan France (Code du travail, L3133-1).</summary>
    public static bool IsPublicHoliday(DateOnly day) => PublicHolidayName(day) is not null;

    /// <summary>Easter Sunday by the Gregorian computus (the "anonymous" algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var n = h + l - (7 * m) + 114;
        return new DateOnly(year, n / 31, (n % 31) + 1);
    }

    private static string? PublicHolidayName(DateOnly day)
    {
        var fixedName = (day.Month, day.Day) switch
        {
            (1, 1) => "Jour de l’An",
            (5, 1) => "Fête du Travail",
            (5, 8) => "Victoire 1945",
            (7, 14) => "Fête nationale",
            (8, 15) => "Assomption",
            (11, 1) => "Toussaint",
            (11, 11) => "Armistice 1918",
            (12, 25) => "Noël",
            _ => null,
        };
        if (fixedName is not null)
        {
            return fixedName;
        }

        return (day.DayNumber - EasterSunday(day.Year).DayNumber) switch
        {
            1 => "Lundi de Pâques",
            39 => "Ascension",
            50 => "Lundi de Pentecôte",
            _ => null,
        };
    }

    private SchoolHoliday? Vacation(DateOnly day) => _options.Holidays.Find(h => h.Contains(day));
}

public static class SchoolCalendarSetup
{
    /// <summary>Binds "SchoolCalendar" and registers the <see cref="SchoolCalendar"/>.</summary>
    public static IServiceCollection AddSchoolCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SchoolCalendarOptions.Section);
        services.AddOptions<SchoolCalendarOptions>()
            .Bind(section)
            // The binder appends a configured list to the default one, so "DaysOff": ["Sunday"] would keep
            // Saturday off and a collège with Saturday-morning classes could not say so: configured days replace.
            .PostConfigure(o =>
            {
                if (section.GetSection(nameof(SchoolCalendarOptions.DaysOff)).Get<List<DayOfWeek>>() is { } daysOff)
                {
                    o.DaysOff = daysOff;
                }
            })
            .Validate(o => o.Holidays.TrueForAll(h => h.From <= h.To), "Each school holiday must end on or after the day it starts.")
            .ValidateOnStart();
        services.AddSingleton<SchoolCalendar>();
        return services;
    }
}
