using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Account;

/// <summary>Language, display and school choices: each test changes one persona of its own.</summary>
public abstract class PreferencesTests(PreauApp app)
{
    private const string VictorHugo = "Collège Victor Hugo";
    private const string JulesFerry = "École élémentaire Jules Ferry";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_may_read_the_login_page_in_english()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await client.PostFormAsync("/preferences/language", [("language", "en"), ("returnUrl", "/login")], page: "/login");

        Assert.Equal("/login", response.RedirectTarget());
        var login = await client.GetPageAsync("/login");
        Assert.Equal("en", login.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Welcome to Préau", login.TextOf("main h1"));
    }

    [Fact]
    public async Task Choosing_english_is_kept_on_the_account_for_the_next_sign_in()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal("Bonjour Léa\u202F!", (await client.GetPageAsync("/")).TextOf("main h1"));

        var response = await client.PostFormAsync("/preferences/language", [("language", "en"), ("returnUrl", "/")]);

        Assert.Equal("/", response.RedirectTarget());
        var home = await client.GetPageAsync("/");
        Assert.Equal("Hello Léa!", home.TextOf("main h1"));
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await app.UserAsync(Personas.Lea)).Language);

        var elsewhere = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal("Hello Léa!", (await elsewhere.GetPageAsync("/")).TextOf("main h1"));
    }

    [Fact]
    public async Task Dark_colours_and_high_contrast_reach_the_html_element_and_the_account()
    {
        var client = await app.SignedInClientAsync(Personas.Paul);

        // The form sends each checkbox's hidden "false" before its ticked "true".
        var response = await client.PostFormAsync("/preferences/display",
            [("returnUrl", "/account"), ("scheme", "Dark"), ("highContrast", "false"), ("highContrast", "true"), ("dyslexiaFont", "false")],
            page: "/account");

        Assert.Equal("/account?saved=true", response.RedirectTarget());
        var classes = (await client.GetPageAsync("/")).RootClasses();
        Assert.Contains("scheme-dark", classes);
        Assert.Contains("high-contrast", classes);
        Assert.DoesNotContain("dyslexia", classes);
        var paul = await app.UserAsync(Personas.Paul);
        Assert.Equal((ColorScheme.Dark, true, false), (paul.ColorScheme, paul.HighContrast, paul.DyslexiaFont));

        var elsewhere = await app.SignedInClientAsync(Personas.Paul);
        Assert.Contains("scheme-dark", (await elsewhere.GetPageAsync("/")).RootClasses());

        // A cookie mirrors the choice, so the pages shown before signing in honour it too.
        await client.PostFormAsync("/logout", []);
        var login = await client.GetPageAsync("/login");
        Assert.Contains("scheme-dark", login.RootClasses());
        Assert.Contains("high-contrast", login.RootClasses());
    }

    [Fact]
    public async Task The_api_changes_language_and_display_likewise()
    {
        var client = await app.SignedInClientAsync(Personas.Hugo);

        var response = await client.PutAsJsonAsync("/api/v1/me/preferences",
            new { language = "en", colorScheme = "Dark", highContrast = true, dyslexiaFont = true }, _ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var home = await client.GetPageAsync("/");
        Assert.Equal("Hello Hugo!", home.TextOf("main h1"));
        Assert.Equal(["degree-2", "scheme-dark", "high-contrast", "dyslexia"], home.RootClasses());
        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me", _ct));
        var preferences = me.RootElement.GetProperty("preferences");
        Assert.Equal("en", preferences.GetProperty("language").GetString());
        Assert.Equal("Dark", preferences.GetProperty("colorScheme").GetString());
        Assert.True(preferences.GetProperty("highContrast").GetBoolean());
        Assert.True(preferences.GetProperty("dyslexiaFont").GetBoolean());
        var hugo = await app.UserAsync(Personas.Hugo);
        Assert.Equal(("en", ColorScheme.Dark, true, true), (hugo.Language, hugo.ColorScheme, hugo.HighContrast, hugo.DyslexiaFont));
    }

    [Fact]
    public async Task The_api_leaves_out_what_is_not_sent()
    {
        var client = await app.SignedInClientAsync(Personas.Nina);

        await client.PutAsJsonAsync("/api/v1/me/preferences", new { colorScheme = "Light" }, _ct);
        var response = await client.PutAsJsonAsync("/api/v1/me/preferences", new { dyslexiaFont = true }, _ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var nina = await app.UserAsync(Personas.Nina);
        Assert.Equal((null, ColorScheme.Light, false, true), (nina.Language, nina.ColorScheme, nina.HighContrast, nina.DyslexiaFont));
    }

    [Fact]
    public async Task A_parent_switches_between_her_childrens_schools()
    {
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var julesFerry = await app.StructureAsync(JulesFerry);
        var victorHugo = await app.StructureAsync(VictorHugo);
        var before = await client.GetPageAsync("/");
        Assert.Contains("degree-2", before.RootClasses());
        Assert.Equal(VictorHugo, SelectedSchool(before));

        await client.PostFormAsync("/school", [("structureId", julesFerry.Id.ToString()), ("returnUrl", "/")]);
        var atJulesFerry = await client.GetPageAsync("/");

        Assert.Contains("degree-1", atJulesFerry.RootClasses());
        Assert.Equal(JulesFerry, SelectedSchool(atJulesFerry));
        Assert.Contains(JulesFerry, atJulesFerry.TextOf(".greeting p"), StringComparison.Ordinal);

        var back = await client.PostFormAsync("/school", [("structureId", victorHugo.Id.ToString()), ("returnUrl", "/")]);
        var atVictorHugo = await client.GetPageAsync("/");

        Assert.Equal("/", back.RedirectTarget());
        Assert.Contains("degree-2", atVictorHugo.RootClasses());
        Assert.Equal(VictorHugo, SelectedSchool(atVictorHugo));
        Assert.Contains(VictorHugo, atVictorHugo.TextOf(".greeting p"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_that_is_not_hers_changes_nothing()
    {
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var coquelicots = await app.StructureAsync("École maternelle Les Coquelicots");

        var response = await client.PostFormAsync("/school", [("structureId", coquelicots.Id.ToString()), ("returnUrl", "/")]);

        Assert.Equal("/", response.RedirectTarget());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(CurrentUser.SchoolCookie + "=", StringComparison.Ordinal)));
        var home = await client.GetPageAsync("/");
        Assert.Contains("degree-2", home.RootClasses());
        Assert.Equal(VictorHugo, SelectedSchool(home));
        Assert.DoesNotContain("Coquelicots", home.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The school chosen in the shell's switcher.</summary>
    private static string? SelectedSchool(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("#school-select option[selected]")?.TextContent.Trim();
}

public sealed class SqlitePreferencesTests(SqliteApp app) : PreferencesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPreferencesTests(PostgresApp app) : PreferencesTests(app), IClassFixture<PostgresApp>;
