using Preau.IntegrationTests.Admin;
using Preau.Testing;

namespace Preau.IntegrationTests.Security;

/// <summary>
/// Every form that posts carries its own antiforgery field. A form with a hand-written action
/// loses the token the form tag helper adds by default; the page's other forms (the profile
/// menu's sign-out) would hide that from a test that borrows their token, but not from a person.
/// One exception, on pages without an account only: the language buttons, which carry no token so
/// that such pages are the same for everyone and cacheable, and are proven by the browser's
/// same-origin headers instead (BlogPublicTests checks the endpoint refuses a post without them).
/// </summary>
public abstract class FormTokenTests(PreauApp app)
{
    [Fact]
    public async Task Every_posting_form_of_the_account_and_administration_pages_carries_a_token()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var ce2 = await app.ClassIdAsync("CE2 A", AdminData.JulesFerry);
        var lea = await app.UserIdAsync(Personas.Lea);
        var director = await app.SignedInClientAsync(Personas.Isabelle);
        string[] directorPages =
        [
            "/account", "/admin", "/admin/users", $"/admin/users/new?structure={julesFerry}", $"/admin/users/{lea}",
            $"/admin/users/{lea}/edit", $"/admin/users/{lea}/reset-password", $"/admin/structures/{julesFerry}",
            $"/admin/classes/{ce2}", $"/admin/sheets?structure={julesFerry}&class={ce2}", $"/admin/structures/{julesFerry}/import",
            $"/admin/structures/{julesFerry}/detached", $"/admin/structures/{julesFerry}/rollover",
            $"/admin/structures/{julesFerry}/charter", $"/admin/structures/{julesFerry}/communication", "/admin/audit",
        ];
        string[] anonymousPages = ["/login", "/activate", "/login/forgot-password", "/login/forgot-login", "/login/reset"];

        var missing = new List<string>();
        foreach (var (client, path, anonymous) in directorPages.Select(p => (director, p, false)).Concat(anonymousPages.Select(p => (app.CreateBrowserlikeClient(), p, true))))
        {
            var page = await client.GetPageAsync(path);
            var forms = page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                .Where(f => !(anonymous && f.GetAttribute("action") == "/preferences/language")).ToList();
            missing.AddRange(forms.Where(f => f.QuerySelector("input[name='__csrf']") is null)
                .Select(f => $"{path}: <form action=\"{f.GetAttribute("action")}\">"));
        }

        Assert.True(missing.Count == 0, "Forms without their antiforgery field:\n" + string.Join("\n", missing));
    }
}

public sealed class SqliteFormTokenTests(SqliteApp app) : FormTokenTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFormTokenTests(PostgresApp app) : FormTokenTests(app), IClassFixture<PostgresApp>;
