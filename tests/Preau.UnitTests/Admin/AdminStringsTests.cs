using System.Text.RegularExpressions;
using Preau.Admin.Audit;
using Preau.UnitTests.Localization;

namespace Preau.UnitTests.Admin;

/// <summary>
/// The strings the administration builds at run time: each audit action's label, and each error
/// key a use case gives back, exist in French and in English.
/// </summary>
public sealed partial class AdminStringsTests
{
    private static readonly string Resources = Path.Combine(Repository.Src, "Modules", "Preau.Admin", "Resources");

    private static readonly Dictionary<string, string> French = Repository.ReadResx(Path.Combine(Resources, "AdminStrings.resx"));

    private static readonly Dictionary<string, string> English = Repository.ReadResx(Path.Combine(Resources, "AdminStrings.en.resx"));

    [Fact]
    public void Every_audit_action_of_the_issue_has_a_french_and_an_english_label()
    {
        string[] issue =
        [
            "user.create", "user.update", "user.move-class", "user.link-child", "user.unlink-child", "user.block", "user.unblock",
            "user.detach", "user.restore", "user.delete", "user.grant", "user.revoke", "user.sessions-revoke", "profile.block",
            "profile.unblock", "class.create", "class.update", "group.create", "group.update", "group.delete", "group.add-member",
            "group.remove-member", "import.apply", "rollover.apply", "code.issue", "password.reset-by-admin", "account.activate",
            "charter.update", "password.reset-by-email", "password.change", "mfa.enable", "mfa.disable", "mfa.reset-by-admin",
            "mfa.recovery-code-used", "share.update", "app-rights.update", "app-rights.reset", "communication.link-add", "communication.link-remove", "communication.members-update",
            "communication.direct-update", "communication.reset", "feed.defaults-update",
            "feed.report-keep", "feed.report-remove", "flash.create", "flash.update", "flash.delete",
            "messaging.policy-update", "messaging.report-keep", "messaging.report-remove", "messaging.mass-send-alert",
        ];

        Assert.Equal(issue.Order(StringComparer.Ordinal), AuditActions.All.Order(StringComparer.Ordinal));
        foreach (var code in AuditActions.All)
        {
            var key = AuditActions.LabelKey(code);
            Assert.True(French.TryGetValue(key, out var fr) && fr.Length > 0, $"No French label for {code}");
            Assert.True(English.TryGetValue(key, out var en) && en.Length > 0, $"No English label for {code}");
            Assert.NotEqual(fr, code);
        }
    }

    [Fact]
    public void Every_error_a_use_case_gives_back_is_worded_in_both_languages()
    {
        var folder = Path.Combine(Repository.Src, "Modules", "Preau.Admin");
        var keys = Repository.Files(folder, "*.cs")
            .SelectMany(f => ErrorKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.True(keys.Count >= 15, $"Only {keys.Count} error keys found: the scan no longer sees them.");
        Assert.All(keys, key => Assert.True(French.ContainsKey(key) && English.ContainsKey(key), $"{key} is missing from AdminStrings"));
    }

    [Fact]
    public void French_strings_use_french_spacing_before_double_punctuation()
    {
        var wrong = French.Where(e => BadSpacing().IsMatch(e.Value)).Select(e => e.Key).ToList();

        Assert.True(wrong.Count == 0, "Ordinary space before : ; ! ? in " + string.Join(", ", wrong));
    }

    [GeneratedRegex("\"(?<key>Error\\.[A-Za-z]+)\"")]
    private static partial Regex ErrorKey();

    [GeneratedRegex(" [:;!?]")]
    private static partial Regex BadSpacing();
}
