using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcsCalendar = Ical.Net.Calendar;

namespace Preau.Platform.Calendar;

/// <summary>
/// One entry of a subscribed calendar: a piece of homework, a school event. Give exactly one of
/// <paramref name="AllDay"/> (a due date) or <paramref name="Start"/> (a timed event).
/// </summary>
/// <param name="Uid">Stable across feeds, so that a phone updates the entry rather than duplicating it.</param>
/// <param name="Summary">The title the phone shows.</param>
/// <param name="Description">Plain text, not HTML: callers turn rich text into text first, as no calendar app renders markup.</param>
/// <param name="AllDay">The day of an all-day entry, in Paris.</param>
/// <param name="Start">The instant a timed entry starts.</param>
/// <param name="End">For a timed item only; without it the event is a point in time.</param>
/// <param name="Url">The page in Préau, which some calendar apps link to.</param>
/// <param name="LastModified">Also the DTSTAMP, as RFC 5545 asks of a calendar published without a METHOD.</param>
public sealed record CalendarItem(
    string Uid,
    string Summary,
    string? Description,
    DateOnly? AllDay,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    Uri? Url,
    DateTimeOffset LastModified);

/// <summary>
/// Writes the iCalendar (RFC 5545) documents behind private subscription URLs: families add them to
/// their phone's calendar, which polls them. Ical.Net does the escaping, UTF-8 aware folding at
/// 75 octets and CRLF line ends.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public const string ProductId = "-//Préau//Cahier de textes//FR";

    public static string Write(string calendarName, IEnumerable<CalendarItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var calendar = new IcsCalendar { ProductId = ProductId };
        // The name Apple and Google Calendar show for a subscription (a de facto extension).
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var item in items)
        {
            calendar.Events.Add(Event(item));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(CalendarItem item)
    {
        if (item.AllDay.HasValue == item.Start.HasValue)
        {
            throw new ArgumentException($"Calendar item {item.Uid}: give either an all-day date or a start, not both or neither.", nameof(item));
        }

        var evt = new CalendarEvent
        {
            Uid = item.Uid,
            Summary = item.Summary,
            Description = item.Description,
            Url = item.Url,
            DtStamp = Utc(item.LastModified),
            LastModified = Utc(item.LastModified),
        };

        if (item.AllDay is { } day)
        {
            // DTEND of a DATE is exclusive: the next day, so the entry covers the due date alone.
            evt.DtStart = new CalDateTime(day);
            evt.DtEnd = new CalDateTime(day.AddDays(1));
        }
        else
        {
            // Times go out in UTC ("Z") rather than with a TZID and a VTIMEZONE: an instant every client
            // reads the same way and shows in the phone's own zone (Paris for nearly every family), with
            // no generated time zone definition for a client to misread across a DST change.
            evt.DtStart = Utc(item.Start!.Value);
            if (item.End is { } end)
            {
                evt.DtEnd = Utc(end);
            }
        }

        return evt;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC");
}
