using Preau.Platform.Kernel;

namespace Preau.UnitTests.Kernel;

public sealed class SchoolYearsTests
{
    [Theory]
    [InlineData("2026-09-01T06:00:00Z", 2026)]
    [InlineData("2027-06-30T12:00:00Z", 2026)]
    [InlineData("2027-07-31T21:59:00Z", 2026)]
    [InlineData("2027-07-31T22:00:00Z", 2027)] // midnight in Paris: August has begun
    [InlineData("2026-12-31T23:30:00Z", 2026)]
    public void A_school_year_runs_from_august_to_july_in_paris(string instant, int year) =>
        Assert.Equal(year, SchoolYears.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_school_year_is_named_by_both_its_calendar_years() =>
        Assert.Equal("2026-2027", SchoolYears.Label(2026));
}
