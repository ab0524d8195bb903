using Preau.Platform.Jobs;

namespace Preau.UnitTests.Jobs;

/// <summary>Recurring schedules in Europe/Paris: the same wall-clock time whatever the change of time, once per day.</summary>
public sealed class JobScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_daily_17_30_stays_at_17_30_in_Paris_across_the_spring_change()
    {
        var daily = JobSchedule.Parse("17:30");

        // Saturday 28 March 2026 is still winter time (UTC+1); Sunday 29 March is summer time (UTC+2).
        var saturday = daily.Next(Utc(2026, 3, 28, 12, 0));
        var sunday = daily.Next(saturday);

        Assert.Equal(Utc(2026, 3, 28, 16, 30), saturday);
        Assert.Equal(Utc(2026, 3, 29, 15, 30), sunday);
        Assert.Equal(TimeSpan.FromHours(23), sunday - saturday);
        Assert.Equal(saturday, daily.Previous(sunday));
    }

    [Fact]
    public void A_daily_17_30_stays_at_17_30_in_Paris_across_the_autumn_change()
    {
        var daily = JobSchedule.Daily(new TimeOnly(17, 30));

        var saturday = daily.Next(Utc(2026, 10, 24, 12, 0));
        var sunday = daily.Next(saturday);

        Assert.Equal(Utc(2026, 10, 24, 15, 30), saturday);
        Assert.Equal(Utc(2026, 10, 25, 16, 30), sunday);
        Assert.Equal(TimeSpan.FromHours(25), sunday - saturday);
    }

    [Fact]
    public void A_time_the_spring_change_skips_runs_once_just_after_the_jump()
    {
        var daily = JobSchedule.Parse("02:30");

        var occurrences = Occurrences(daily, Utc(2026, 3, 27, 12, 0), 3);

        // 02:30 does not exist on 29 March: it runs at 03:30 summer time (01:30 UTC), once.
        Assert.Equal([Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 30), Utc(2026, 3, 30, 0, 30)], occurrences);
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_runs_once_at_its_first_occurrence()
    {
        var daily = JobSchedule.Parse("02:30");

        var occurrences = Occurrences(daily, Utc(2026, 10, 23, 12, 0), 3);

        // 02:30 happens twice on 25 October (UTC+2 then UTC+1): it runs at the first only.
        Assert.Equal([Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)], occurrences);
    }

    [Fact]
    public void A_weekly_schedule_runs_on_its_day_each_week_and_the_period_is_the_week_before()
    {
        var weekly = JobSchedule.Parse("friday 17:30");

        var first = weekly.Next(Utc(2026, 10, 19, 8, 0)); // a Monday
        var second = weekly.Next(first);

        Assert.Equal(Utc(2026, 10, 23, 15, 30), first); // Friday 23, summer time
        Assert.Equal(Utc(2026, 10, 30, 16, 30), second); // Friday 30, winter time
        Assert.Equal(first, weekly.Previous(second));
        Assert.Equal(DayOfWeek.Friday, weekly.Day);
    }

    [Fact]
    public void The_next_occurrence_is_strictly_after_the_instant_given()
    {
        var daily = JobSchedule.Parse("17:30");
        var at = Utc(2026, 9, 14, 15, 30);

        Assert.Equal(Utc(2026, 9, 15, 15, 30), daily.Next(at));
        Assert.Equal(Utc(2026, 9, 13, 15, 30), daily.Previous(at));
    }

    [Theory]
    [InlineData("")]
    [InlineData("25:00")]
    [InlineData("Someday 17:30")]
    [InlineData("3 17:30")]
    [InlineData("Friday 17:30 extra")]
    public void A_schedule_that_does_not_read_is_refused(string text) =>
        Assert.Throws<FormatException>(() => JobSchedule.Parse(text));

    private static List<DateTimeOffset> Occurrences(JobSchedule schedule, DateTimeOffset from, int count)
    {
        var list = new List<DateTimeOffset>();
        for (var at = schedule.Next(from); list.Count < count; at = schedule.Next(at))
        {
            list.Add(at);
        }

        return list;
    }
}
