using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Resources;
using Preau.Platform.Kernel;

namespace Preau.Messaging.Features.Mailbox;

/// <summary>A line's date in Paris time: the hour for today, the date otherwise; the full date for a tooltip and &lt;time&gt;.</summary>
public sealed record MailWhen(string Text, string Full, string Iso);

public sealed class MailboxDates(TimeProvider clock, IStringLocalizer<MailboxStrings> s)
{
    public MailWhen Describe(DateTimeOffset at)
    {
        var now = SchoolTime.ToParis(clock.GetUtcNow());
        var then = SchoolTime.ToParis(at);
        var text = then.Date == now.Date ? then.ToString("HH:mm", CultureInfo.CurrentCulture)
            : then.ToString(then.Year == now.Year ? s["Date.DayMonth"] : s["Date.DayMonthYear"], CultureInfo.CurrentCulture);
        return new MailWhen(text, Full(at), at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>"lundi 3 mars 2026 à 10:42", Paris time.</summary>
    public string Full(DateTimeOffset at) => s["Date.Full", SchoolTime.ToParis(at).DateTime];

    /// <summary>"10:42" (today) or the full date: how long a recall is still possible.</summary>
    public string Until(DateTimeOffset at)
    {
        var then = SchoolTime.ToParis(at);
        return then.Date == SchoolTime.ToParis(clock.GetUtcNow()).Date ? then.ToString("HH:mm", CultureInfo.CurrentCulture) : Full(at);
    }
}
