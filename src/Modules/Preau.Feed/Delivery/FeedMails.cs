using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Preau.Feed.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Hosting;
using Preau.Platform.Kernel;
using Preau.Platform.Mail;
using Preau.Platform.Modules;

namespace Preau.Feed.Delivery;

/// <summary>Which email of the feed: one item at once, or the day's or the week's digest.</summary>
internal enum FeedMailKind
{
    Immediate,
    Daily,
    Weekly,
}

/// <summary>
/// The feed's emails in the recipient's language (their choice, else French): plain text and a
/// simple HTML twin, absolute links, the way to the preferences in the body and in a
/// List-Unsubscribe header. A digest groups the items by application, newest first.
/// </summary>
internal sealed class FeedMails(
    IStringLocalizer<DigestStrings> strings,
    IStringLocalizerFactory localizers,
    FeedText text,
    FeedTypes types,
    IEnumerable<AppEntry> apps,
    MailQueue composer,
    SiteLinks links,
    IOptions<PreauOptions> preau)
{
    private readonly Dictionary<string, AppEntry> _apps = apps.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>One person's email for their items (all of the same person); null when none of the items can be shown.</summary>
    public MimeMessage? Compose(FeedMailKind kind, IReadOnlyList<MailItem> items)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormats = CultureInfo.CurrentCulture;
        var culture = CultureInfo.GetCultureInfo(items.Count > 0 && items[0].Language == "en" ? "en-GB" : "fr-FR");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            // Synchronous on purpose: the culture covers the whole composition.
            var lines = items.Select(ToLine).OfType<Line>().ToList();
            return lines.Count == 0 ? null : Build(kind, items[0], lines, culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormats;
        }
    }

    private sealed record Line(string App, string AppName, string Text, string Url, DateTimeOffset At);

    private Line? ToLine(MailItem item)
    {
        if (types.Find(item.Type) is not { } type)
        {
            return null; // a type whose module is no longer installed
        }

        var appName = _apps.TryGetValue(type.App, out var entry) ? localizers.Create(entry.Strings)[entry.NameKey].Value : type.App;
        return new Line(type.App, appName, text.Render(type, type.TextKey, item.Values, item.ActorName), links.To(item.Link), item.At);
    }

    private MimeMessage Build(FeedMailKind kind, MailItem person, List<Line> lines, CultureInfo culture)
    {
        var instance = preau.Value.InstanceName;
        var subject = kind switch
        {
            FeedMailKind.Immediate => strings["Immediate.Subject", lines[0].Text].Value,
            FeedMailKind.Daily => lines.Count == 1 ? strings["Digest.Subject.Daily.One"].Value : strings["Digest.Subject.Daily.Many", lines.Count].Value,
            _ => lines.Count == 1 ? strings["Digest.Subject.Weekly.One"].Value : strings["Digest.Subject.Weekly.Many", lines.Count].Value,
        };
        var intro = kind switch
        {
            FeedMailKind.Immediate => strings["Immediate.Intro", instance].Value,
            FeedMailKind.Daily => strings["Digest.Intro.Daily", instance].Value,
            _ => strings["Digest.Intro.Weekly", instance].Value,
        };
        var why = kind switch
        {
            FeedMailKind.Immediate => strings["Immediate.Why"].Value,
            FeedMailKind.Daily => strings["Digest.Why.Daily"].Value,
            _ => strings["Digest.Why.Weekly"].Value,
        };
        var hello = strings["Mail.Hello", person.DisplayName].Value;
        var signature = strings["Mail.Signature", instance].Value;
        var seeFeed = strings["Mail.SeeFeed"].Value;
        var preferences = strings["Mail.Preferences"].Value;
        var dateFormat = strings["Digest.DateFormat"].Value;
        var feedUrl = links.To(SiteLinks.FeedPath);
        var preferencesUrl = links.To(SiteLinks.PreferencesPath);

        // Applications in the order of their newest item; items newest first within each.
        var groups = lines.OrderByDescending(l => l.At).GroupBy(l => l.App, StringComparer.Ordinal).ToList();
        string When(Line l) => SchoolTime.ToParis(l.At).ToString(dateFormat, culture);

        var plain = new StringBuilder();
        plain.Append(hello).Append("\n\n").Append(intro).Append("\n\n");
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(e.Encode(subject)).Append("</title></head><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1f2933\">")
            .Append("<p>").Append(e.Encode(hello)).Append("</p><p>").Append(e.Encode(intro)).Append("</p>");
        foreach (var group in groups)
        {
            var single = kind == FeedMailKind.Immediate;
            if (!single)
            {
                plain.Append(group.First().AppName.ToUpper(culture)).Append('\n');
                html.Append("<h2 style=\"font-size:18px;margin:24px 0 8px\">").Append(e.Encode(group.First().AppName)).Append("</h2>");
            }

            html.Append("<ul style=\"padding-left:20px;margin:0\">");
            foreach (var line in group)
            {
                plain.Append("- ").Append(line.Text).Append(" (").Append(When(line)).Append(")\n  ").Append(line.Url).Append('\n');
                html.Append("<li style=\"margin-bottom:8px\"><a href=\"").Append(e.Encode(line.Url)).Append("\">").Append(e.Encode(line.Text))
                    .Append("</a><br><span style=\"color:#52606d;font-size:14px\">").Append(e.Encode(When(line))).Append("</span></li>");
            }

            html.Append("</ul>");
            plain.Append('\n');
        }

        plain.Append(seeFeed).Append(": ").Append(feedUrl).Append("\n\n")
            .Append("-- \n").Append(why).Append('\n').Append(preferences).Append(": ").Append(preferencesUrl).Append("\n\n").Append(signature).Append('\n');
        html.Append("<p><a href=\"").Append(e.Encode(feedUrl)).Append("\">").Append(e.Encode(seeFeed)).Append("</a></p>")
            .Append("<hr style=\"border:0;border-top:1px solid #cbd2d9\"><p style=\"color:#52606d;font-size:14px\">").Append(e.Encode(why))
            .Append("<br><a href=\"").Append(e.Encode(preferencesUrl)).Append("\">").Append(e.Encode(preferences)).Append("</a></p>")
            .Append("<p>").Append(e.Encode(signature)).Append("</p></body></html>");

        var message = composer.Compose(new OutgoingMail(person.Email, person.DisplayName, subject, plain.ToString(), html.ToString()));
        // Mail clients offer "unsubscribe" from this header: it leads to the preferences page.
        message.Headers.Add("List-Unsubscribe", "<" + preferencesUrl + ">");
        if (kind != FeedMailKind.Immediate)
        {
            message.Headers.Add("Precedence", "bulk");
        }

        return message;
    }
}
