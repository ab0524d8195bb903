using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>The safety tests' clock and rules: a fresh start, then the next given time of day in Paris.</summary>
internal static class SafetyData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Clears every school's sending rules and moves the clock past the rate and alert windows of
    /// the tests before, to the next <paramref name="hour"/>:<paramref name="minute"/> in Paris.
    /// </summary>
    public static async Task FreshStartAtAsync(this PreauApp app, int hour, int minute)
    {
        await app.WithDbAsync(db => db.Set<MessagingPolicy>().ExecuteDeleteAsync(Ct));
        app.Clock.Advance(TimeSpan.FromHours(2));
        app.AdvanceToParis(hour, minute);
    }

    /// <summary>Moves the clock forward to the next <paramref name="hour"/>:<paramref name="minute"/> in Paris.</summary>
    public static void AdvanceToParis(this PreauApp app, int hour, int minute)
    {
        var now = SchoolTime.ToParis(app.Clock.GetUtcNow());
        var target = new TimeSpan(hour, minute, 0);
        var wait = target - now.TimeOfDay;
        if (wait <= TimeSpan.Zero)
        {
            wait += TimeSpan.FromDays(1);
        }

        app.Clock.Advance(wait);
        Assert.Equal(new TimeOnly(hour, minute), TimeOnly.FromDateTime(SchoolTime.ToParis(app.Clock.GetUtcNow()).DateTime));
    }
}
