using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Preau.Platform.Mail;

namespace Preau.Feed.Delivery;

/// <summary>
/// Absolute links for emails sent by jobs, which have no request to take an address from:
/// Mail:PublicUrl, else Preau:PublicUrl (the sheets' setting), else http://localhost (set one
/// in production).
/// </summary>
internal sealed class SiteLinks(IOptions<MailOptions> mail, IConfiguration configuration)
{
    public const string PreferencesPath = "/fil/preferences";
    public const string FeedPath = "/fil";

    public string Site { get; } = FirstSet(mail.Value.PublicUrl, configuration["Preau:PublicUrl"]) ?? "http://localhost";

    /// <summary>A path of this site made absolute; feed links are always site paths (the publisher checks it).</summary>
    public string To(string path) => Site + (path.StartsWith('/') ? path : "/" + path);

    private static string? FirstSet(params string?[] values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().TrimEnd('/')).FirstOrDefault();
}
