using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;

namespace Preau.UnitTests.Messaging;

public sealed class MessagingRulesTests
{
    [Theory]
    [InlineData("20:00", "07:00", "21:30", true)]
    [InlineData("20:00", "07:00", "06:59", true)]
    [InlineData("20:00", "07:00", "07:00", false)]
    [InlineData("20:00", "07:00", "19:59", false)]
    [InlineData("20:00", "07:00", "20:00", true)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:00", false)]
    [InlineData("12:00", "14:00", "11:00", false)]
    public void Quiet_hours_hold_from_their_start_to_their_end_even_across_midnight(string from, string to, string at, bool quiet)
    {
        var policy = new MessagingPolicy { QuietFrom = TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), QuietTo = TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(quiet, policy.IsQuietAt(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void No_quiet_hours_without_both_ends_or_with_equal_ends()
    {
        Assert.False(new MessagingPolicy { QuietFrom = new TimeOnly(20, 0) }.IsQuietAt(new TimeOnly(21, 0)));
        Assert.False(new MessagingPolicy { QuietFrom = new TimeOnly(20, 0), QuietTo = new TimeOnly(20, 0) }.IsQuietAt(new TimeOnly(20, 0)));
    }

    [Fact]
    public void A_folder_cursor_reads_back_what_it_wrote_and_refuses_anything_else()
    {
        var date = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);
        var id = Guid.CreateVersion7(date);
        Assert.Equal((date, id), Cursor.Read(Cursor.Write(date, id)));
        Assert.Null(Cursor.Read(null));
        Assert.Null(Cursor.Read("abc"));
        Assert.Null(Cursor.Read("-5_" + id.ToString("N")));
        Assert.Null(Cursor.Read("99999999999999999999_" + id.ToString("N")));
        Assert.Null(Cursor.Read("638000000000000000_not-a-guid"));
    }

    [Fact]
    public void System_folders_have_words_both_ways()
    {
        foreach (var folder in SystemFolders.All)
        {
            Assert.Equal(folder, SystemFolders.FromSlug(SystemFolders.Slug(folder)));
        }

        Assert.Equal(SystemFolders.Inbox, SystemFolders.FromSlug("inbox"));
        Assert.Null(SystemFolders.FromSlug("../etc"));
    }
}
