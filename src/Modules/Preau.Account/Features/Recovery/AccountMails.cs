using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Account.Resources;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Hosting;
using Preau.Platform.Mail;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// The module's messages, in the recipient's language (their choice, else French): plain text and
/// a simple HTML twin, no image, no tracking. Links use Mail:PublicUrl when set (recommended:
/// a reset link must not follow whatever Host header a request claims), else the request's site.
/// </summary>
public sealed class AccountMails(IMailSender sender, IStringLocalizer<SecurityStrings> strings, IOptions<MailOptions> mail, IOptions<PreauOptions> preau)
{
    public ValueTask<bool> LoginReminderAsync(string email, IReadOnlyList<User> accounts, HttpContext http, CancellationToken ct) =>
        InLanguage(accounts[0].Language, () => SendAsync(email, accounts.Count == 1 ? accounts[0].DisplayName : null, http, "Mail.Logins.Subject",
            paragraphs: [strings["Mail.Logins.Intro"]],
            list: [.. accounts.Select(a => $"{a.Login} ({a.DisplayName})")],
            after: [strings["Mail.Logins.Next"], strings["Mail.Ignore"]],
            link: "/login", closing: null, ct));

    public ValueTask<bool> PasswordResetAsync(User user, string code, string linkToken, HttpContext http, CancellationToken ct) =>
        InLanguage(user.Language, () => SendAsync(user.Email!, user.DisplayName, http, "Mail.Reset.Subject",
            paragraphs: [strings["Mail.Reset.Intro", user.Login], strings["Mail.Reset.Code"]],
            list: [code],
            after: [strings["Mail.Reset.Link"]],
            link: "/login/reset?token=" + linkToken,
            closing: [strings["Mail.Reset.Expiry"], strings["Mail.Ignore"]], ct));

    /// <summary>Builds the message in the recipient's language (their choice, else French), whatever the request's.</summary>
    private static ValueTask<bool> InLanguage(string? language, Func<ValueTask<bool>> send)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        try
        {
            // Composing is synchronous (SendAsync only queues), so the culture covers all of it.
            return send();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private ValueTask<bool> SendAsync(
        string to, string? toName, HttpContext http, string subjectKey,
        string[] paragraphs, string[] list, string[] after, string link, string[]? closing, CancellationToken ct)
    {
        var site = SiteAddress(http);
        var url = site + link;
        var instance = preau.Value.InstanceName;
        var greeting = toName is null ? strings["Mail.HelloAll"].Value : strings["Mail.Hello", toName].Value;
        var signature = strings["Mail.Signature", instance].Value;
        string[] tail = [.. closing?.Select(c => (string)c) ?? [], signature];

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var p in paragraphs) { text.Append(p).Append("\n\n"); }
        foreach (var item in list) { text.Append("    ").Append(item).Append('\n'); }
        text.Append('\n');
        foreach (var p in after) { text.Append(p).Append("\n\n"); }
        text.Append(url).Append("\n\n");
        foreach (var p in tail) { text.Append(p).Append("\n\n"); }

        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(e.Encode(strings[subjectKey].Value))
            .Append("</title></head><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1f2933\">");
        html.Append("<p>").Append(e.Encode(greeting)).Append("</p>");
        foreach (var p in paragraphs) { html.Append("<p>").Append(e.Encode(p)).Append("</p>"); }
        html.Append("<ul>");
        foreach (var item in list) { html.Append("<li><strong style=\"font-size:20px;letter-spacing:2px\">").Append(e.Encode(item)).Append("</strong></li>"); }
        html.Append("</ul>");
        foreach (var p in after) { html.Append("<p>").Append(e.Encode(p)).Append("</p>"); }
        html.Append("<p><a href=\"").Append(e.Encode(url)).Append("\">").Append(e.Encode(url)).Append("</a></p>");
        foreach (var p in tail) { html.Append("<p>").Append(e.Encode(p)).Append("</p>"); }
        html.Append("</body></html>");

        return sender.SendAsync(new OutgoingMail(to, toName, strings[subjectKey, instance].Value, text.ToString(), html.ToString()), ct);
    }

    private string SiteAddress(HttpContext http) =>
        string.IsNullOrWhiteSpace(mail.Value.PublicUrl)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : mail.Value.PublicUrl.TrimEnd('/');
}
