using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Feed.Resources;
using Preau.Platform.Kernel;

namespace Preau.Feed.Features.FeedReading;

/// <summary>When an item happened, in the reader's words and Paris time.</summary>
public sealed record FeedWhen(string Text, string Full, string Iso);

/// <summary>
/// Dates as a person says them: "à l’instant", "il y a 5 min", "aujourd’hui à 14:05",
/// "hier à 17:30", "lundi à 09:15", then "12 mars" and "12 mars 2025"; with the full date for a
/// tooltip and the machine-readable instant for &lt;time&gt;.
/// </summary>
public sealed class FeedDates(TimeProvider clock, IStringLocalizer<FeedStrings> s)
{
    public FeedWhen Describe(DateTimeOffset at)
    {
        var now = SchoolTime.ToParis(clock.GetUtcNow());
        var then = SchoolTime.ToParis(at);
        var ago = now - then;
        var time = then.ToString("HH:mm", CultureInfo.CurrentCulture);
        var days = (now.Date - then.Date).Days;
        string text;
        if (ago < TimeSpan.FromMinutes(1))
        {
            text = s["Date.Now"];
        }
        else if (ago < TimeSpan.FromHours(1))
        {
            text = s["Date.Minutes", (int)ago.TotalMinutes];
        }
        else if (days == 0)
        {
            text = s["Date.Today", time];
        }
        else if (days == 1)
        {
            text = s["Date.Yesterday", time];
        }
        else if (days < 7)
        {
            text = s["Date.Weekday", then.ToString("dddd", CultureInfo.CurrentCulture), time];
        }
        else
        {
            text = then.ToString(then.Year == now.Year ? s["Date.DayMonth"] : s["Date.DayMonthYear"], CultureInfo.CurrentCulture);
        }

        return new FeedWhen(text, s["Date.Full", then.DateTime], at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
