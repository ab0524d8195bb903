using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Kernel;

namespace Preau.UnitTests.Kernel;

/// <summary>Which days have school in Paris, and so when homework set today can be due.</summary>
public sealed class SchoolCalendarTests
{
    private static SchoolCalendar Calendar(DateTimeOffset now, params SchoolHoliday[] holidays) =>
        new(Options.Create(new SchoolCalendarOptions { Holidays = [.. holidays] }), new FakeTimeProvider(now));

    private static SchoolCalendar Calendar(params SchoolHoliday[] holidays) =>
        Calendar(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero), holidays);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Homework_set_on_friday_evening_is_due_on_monday()
    {
        // Friday 18 September 2026, 21:30 in Paris (UTC+2): already Saturday nowhere that matters.
        var calendar = Calendar(new DateTimeOffset(2026, 9, 18, 19, 30, 0, TimeSpan.Zero));

        var today = calendar.Today();

        Assert.Equal(Day("2026-09-18"), today);
        Assert.Equal(Day("2026-09-21"), calendar.NextSchoolDay(today));
    }

    [Fact]
    public void Today_is_the_paris_date_just_after_midnight_on_the_day_clocks_go_back()
    {
        // 22:30 UTC on Saturday 24 October 2026 is 00:30 on Sunday 25 in Paris, still on summer time.
        var calendar = Calendar(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(Day("2026-10-25"), calendar.Today());
    }

    [Fact]
    public void Homework_set_the_friday_before_easter_monday_is_due_on_tuesday() =>
        Assert.Equal(Day("2026-04-07"), Calendar().NextSchoolDay(Day("2026-04-03")));

    [Fact]
    public void The_next_school_day_skips_a_configured_vacation()
    {
        var toussaint = new SchoolHoliday { From = Day("2026-10-17"), To = Day("2026-11-01"), Name = "Vacances de la Toussaint" };
        var calendar = Calendar(toussaint);

        Assert.Equal(Day("2026-11-02"), calendar.NextSchoolDay(Day("2026-10-16")));
        Assert.False(calendar.IsSchoolDay(Day("2026-10-21")));
        Assert.Equal("Vacances de la Toussaint", calendar.HolidayName(Day("2026-10-21")));
        Assert.True(calendar.IsSchoolDay(Day("2026-11-02")));
    }

    [Fact]
    public void The_next_school_day_gives_up_on_a_calendar_without_any()
    {
        var calendar = Calendar(new SchoolHoliday { From = Day("2026-01-01"), To = Day("2028-12-31"), Name = "Fermé" });

        Assert.Throws<InvalidOperationException>(() => calendar.NextSchoolDay(Day("2026-09-01")));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Easter_follows_the_gregorian_computus(int year, string easter) =>
        Assert.Equal(Day(easter), SchoolCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2027-01-01", "Jour de l’An")]
    [InlineData("2026-04-06", "Lundi de Pâques")]
    [InlineData("2026-05-01", "Fête du Travail")]
    [InlineData("2026-05-08", "Victoire 1945")]
    [InlineData("2026-05-14", "Ascension")]
    [InlineData("2026-05-25", "Lundi de Pentecôte")]
    [InlineData("2026-07-14", "Fête nationale")]
    [InlineData("2026-08-15", "Assomption")]
    [InlineData("2026-11-01", "Toussaint")]
    [InlineData("2026-11-11", "Armistice 1918")]
    [InlineData("2026-12-25", "Noël")]
    [InlineData("2027-03-29", "Lundi de Pâques")]
    [InlineData("2027-05-06", "Ascension")]
    [InlineData("2027-05-17", "Lundi de Pentecôte")]
    public void The_eleven_public_holidays_have_no_school(string day, string name)
    {
        var calendar = Calendar();

        Assert.True(SchoolCalendar.IsPublicHoliday(Day(day)));
        Assert.False(calendar.IsSchoolDay(Day(day)));
        Assert.Equal(name, calendar.HolidayName(Day(day)));
    }

    [Theory]
    [InlineData("2026-04-05")] // Easter Sunday itself is no public holiday
    [InlineData("2026-04-03")] // nor Good Friday, outside Alsace-Moselle
    [InlineData("2026-12-26")]
    [InlineData("2026-05-13")]
    public void Other_days_are_no_public_holiday(string day)
    {
        Assert.False(SchoolCalendar.IsPublicHoliday(Day(day)));
        Assert.Null(Calendar().HolidayName(Day(day)));
    }

    [Fact]
    public void Weekends_have_no_school_and_weekdays_do()
    {
        var calendar = Calendar();

        Assert.True(calendar.IsSchoolDay(Day("2026-09-16")));
        Assert.False(calendar.IsSchoolDay(Day("2026-09-19")));
        Assert.False(calendar.IsSchoolDay(Day("2026-09-20")));
    }

    [Theory]
    [InlineData("2026-09-20", "2026-09-14")] // Sunday: the Monday before
    [InlineData("2026-09-14", "2026-09-14")]
    [InlineData("2026-09-16", "2026-09-14")]
    [InlineData("2026-01-01", "2025-12-29")]
    public void A_week_starts_on_monday(string day, string monday) =>
        Assert.Equal(Day(monday), SchoolCalendar.WeekStart(Day(day)));

    [Theory]
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z", 1)] // clocks go forward at 02:00 that night
    [InlineData("2026-03-30", "2026-03-29T22:00:00Z", 2)]
    [InlineData("2026-10-25", "2026-10-24T22:00:00Z", 2)] // clocks go back at 03:00 that night
    [InlineData("2026-10-26", "2026-10-25T23:00:00Z", 1)]
    public void A_day_starts_at_midnight_in_paris_across_the_clock_changes(string day, string utc, int offsetHours)
    {
        var start = SchoolCalendar.StartOfDay(Day(day));

        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.FromHours(offsetHours), start.Offset);
        Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(SchoolTime.ToParis(start).DateTime));
    }

    [Fact]
    public void Vacations_and_days_off_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchoolCalendar:Holidays:0:From"] = "2026-10-17",
            ["SchoolCalendar:Holidays:0:To"] = "2026-11-01",
            ["SchoolCalendar:Holidays:0:Name"] = "Vacances de la Toussaint",
            ["SchoolCalendar:Holidays:1:From"] = "2026-12-19",
            ["SchoolCalendar:Holidays:1:To"] = "2027-01-03",
            ["SchoolCalendar:Holidays:1:Name"] = "Vacances de Noël",
            // A collège with Saturday-morning classes: only Sunday and Wednesday are free.
            ["SchoolCalendar:DaysOff:0"] = "Wednesday",
            ["SchoolCalendar:DaysOff:1"] = "Sunday",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddSchoolCalendar(configuration)
            .BuildServiceProvider();

        var calendar = services.GetRequiredService<SchoolCalendar>();

        Assert.Equal("Vacances de Noël", calendar.HolidayName(Day("2026-12-28")));
        Assert.Equal(Day("2027-01-04"), calendar.NextSchoolDay(Day("2026-12-18")));
        Assert.False(calendar.IsSchoolDay(Day("2026-10-17")));
        Assert.True(calendar.IsSchoolDay(Day("2026-09-19"))); // a Saturday
        Assert.False(calendar.IsSchoolDay(Day("2026-09-16"))); // a Wednesday
        Assert.False(calendar.IsSchoolDay(Day("2026-09-20")));
    }

    [Fact]
    public void Without_configuration_the_weekend_is_off_and_there_are_no_vacations()
    {
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddSchoolCalendar(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        var calendar = services.GetRequiredService<SchoolCalendar>();

        Assert.False(calendar.IsSchoolDay(Day("2026-09-19")));
        Assert.True(calendar.IsSchoolDay(Day("2026-10-21")));
    }

    [Fact]
    public void A_vacation_that_ends_before_it_starts_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchoolCalendar:Holidays:0:From"] = "2026-11-01",
            ["SchoolCalendar:Holidays:0:To"] = "2026-10-17",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddSchoolCalendar(configuration)
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SchoolCalendar>());
    }
}
