using System.Text;
using Ical.Net.CalendarComponents;
using Preau.Platform.Calendar;
using IcsCalendar = Ical.Net.Calendar;

namespace Preau.UnitTests.Calendar;

/// <summary>The iCalendar documents families subscribe to: what their phone will read back.</summary>
public sealed class CalendarFeedTests
{
    private static readonly DateTimeOffset Edited = new(2026, 10, 20, 16, 45, 0, TimeSpan.Zero);

    // Due on Monday 2 November 2026: a whole day.
    private static readonly CalendarItem Homework = new(
        "devoir-42@preau", "Maths : exercices 3, 4; p. 12", "Lire le chapitre.\nRédiger la synthèse ; à rendre", new DateOnly(2026, 11, 2), null, null,
        new Uri("https://ent.example.fr/cahier-de-textes/42"), Edited);

    // 09:00 in Paris on Monday 26 October 2026, the day after clocks went back: 08:00 UTC, not 07:00.
    private static readonly CalendarItem Meeting = new(
        "reunion-7@preau", "Réunion parents-professeurs", null, null,
        new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 10, 26, 11, 0, 0, TimeSpan.FromHours(1)),
        null, Edited);

    private static string Document() => CalendarFeed.Write("Cahier de textes — 5e B", [Homework, Meeting]);

    private static IcsCalendar ParsedBack() => IcsCalendar.Load(Document())!;

    private static CalendarEvent Event(string uid) => Assert.Single(ParsedBack().Events, e => e.Uid == uid);

    [Fact]
    public void An_all_day_item_is_a_date_that_ends_the_next_day()
    {
        var homework = Event("devoir-42@preau");

        Assert.Equal("Maths : exercices 3, 4; p. 12", homework.Summary);
        Assert.True(homework.IsAllDay);
        Assert.False(homework.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 11, 2), homework.DtStart.Date);
        Assert.Equal(new DateOnly(2026, 11, 3), homework.DtEnd!.Date);
        Assert.Equal(new Uri("https://ent.example.fr/cahier-de-textes/42"), homework.Url);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20261102\r\n", Document(), StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20261103\r\n", Document(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timed_item_lands_at_the_right_instant_after_the_clocks_go_back()
    {
        var meeting = Event("reunion-7@preau");

        Assert.Equal("Réunion parents-professeurs", meeting.Summary);
        Assert.False(meeting.IsAllDay);
        Assert.Equal(new DateTime(2026, 10, 26, 8, 0, 0, DateTimeKind.Utc), meeting.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 26, 10, 0, 0, DateTimeKind.Utc), meeting.DtEnd!.AsUtc);
        Assert.Contains("\r\nDTSTART:20261026T080000Z\r\n", Document(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_names_itself_and_its_producer()
    {
        var document = Document();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", document, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", document, StringComparison.Ordinal);
        Assert.Contains("\r\nPRODID:-//Préau//Cahier de textes//FR\r\n", document, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Cahier de textes — 5e B\r\n", document, StringComparison.Ordinal);
        Assert.Equal("Cahier de textes — 5e B", ParsedBack().Properties.Get<string>("X-WR-CALNAME"));
    }

    [Fact]
    public void Commas_semicolons_and_newlines_are_escaped_and_accents_kept()
    {
        var document = Document();

        Assert.Contains("\r\nSUMMARY:Maths : exercices 3\\, 4\\; p. 12\r\n", document, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:Lire le chapitre.\\nRédiger la synthèse \\; à rendre\r\n", document, StringComparison.Ordinal);
        Assert.Equal("Lire le chapitre.\nRédiger la synthèse ; à rendre", Event("devoir-42@preau").Description);
    }

    [Fact]
    public void Every_line_ends_with_crlf()
    {
        var document = Document();

        Assert.EndsWith("END:VCALENDAR\r\n", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", document.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", document.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var summary = string.Concat(Enumerable.Repeat("Révisions d’été, ", 20)).TrimEnd();
        var item = Homework with { Summary = summary };

        var document = CalendarFeed.Write("Cahier de textes", [item]);
        var lines = document.Split("\r\n");

        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', document);
        Assert.Equal(summary, Assert.Single(IcsCalendar.Load(document)!.Events).Summary);
    }

    [Fact]
    public void An_item_must_be_either_all_day_or_timed()
    {
        var both = Homework with { Start = Edited };
        var neither = Homework with { AllDay = null };

        Assert.Throws<ArgumentException>(() => CalendarFeed.Write("Cahier de textes", [both]));
        Assert.Throws<ArgumentException>(() => CalendarFeed.Write("Cahier de textes", [neither]));
    }
}
