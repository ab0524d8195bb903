using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using Preau.Feed.Features.FeedReading;
using Preau.Feed.Pages.Fil;
using Preau.Feed.Resources;

namespace Preau.UnitTests.Feed;

/// <summary>How the feed says when something happened (Paris time, the reader's language), and where its forms come back to.</summary>
public sealed class FeedDatesTests
{
    // Wednesday 16 September 2026, 15:00 in Paris (UTC+2).
    private static readonly DateTimeOffset Now = new(2026, 9, 16, 13, 0, 0, TimeSpan.Zero);

    private static FeedDates Dates()
    {
        var localizer = new ServiceCollection().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<FeedStrings>>();
        return new FeedDates(new FakeTimeProvider(Now), localizer);
    }

    [Theory]
    [InlineData(0, "à l’instant")]
    [InlineData(5, "il y a 5 min")]
    [InlineData(59, "il y a 59 min")]
    [InlineData(3 * 60, "aujourd’hui à 12:00")]
    [InlineData(15 * 60 + 10, "hier à 23:50")]
    [InlineData(21 * 60 + 30, "hier à 17:30")]
    [InlineData(2 * 24 * 60, "lundi à 15:00")]
    [InlineData(10 * 24 * 60, "6 septembre")]
    [InlineData(300 * 24 * 60, "20 novembre 2025")]
    public void French_dates_read_as_people_say_them(int minutesAgo, string expected)
    {
        using var culture = new CultureScope("fr-FR");
        Assert.Equal(expected, Dates().Describe(Now.AddMinutes(-minutesAgo)).Text);
    }

    [Fact]
    public void English_dates_and_the_full_date_for_the_tooltip()
    {
        using (new CultureScope("en-GB"))
        {
            var dates = Dates();
            Assert.Equal("5 min ago", dates.Describe(Now.AddMinutes(-5)).Text);
            Assert.Equal("yesterday at 17:30", dates.Describe(Now.AddMinutes(-(21 * 60 + 30))).Text);
            Assert.Equal("Wednesday 16 September 2026 at 14:55", dates.Describe(Now.AddMinutes(-5)).Full);
        }

        using (new CultureScope("fr-FR"))
        {
            var when = Dates().Describe(Now.AddMinutes(-5));
            Assert.Equal("mercredi 16 septembre 2026 à 14:55", when.Full);
            Assert.Equal("2026-09-16T12:55:00Z", when.Iso);
        }
    }

    [Theory]
    [InlineData(null, "masque", "/fil?fait=masque")]
    [InlineData("/fil?app=blog&avant=42&fait=lu", "masque", "/fil?app=blog&avant=42&fait=masque")]
    [InlineData("/", "tout-lu", "/#whats-new")]
    [InlineData("//evil.example/fil", "lu", "/fil?fait=lu")]
    [InlineData("/\\evil.example", "lu", "/fil?fait=lu")]
    [InlineData("https://evil.example/fil", "lu", "/fil?fait=lu")]
    public void Forms_come_back_to_the_feed_or_the_home_page_only(string? returnUrl, string done, string expected) =>
        Assert.Equal(expected, IndexModel.Back(returnUrl, done));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
