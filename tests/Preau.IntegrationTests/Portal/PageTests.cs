using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Features;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Testing;

namespace Preau.IntegrationTests.Portal;

public abstract class PageTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/", _ct);

        Assert.Equal("/login?returnUrl=%2F", response.RedirectTarget());
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_tell_which_pages_exist()
    {
        // Deny by default: an unknown address is met like a known one, with the login page.
        var response = await app.CreateBrowserlikeClient().GetAsync("/nothing-here", _ct);

        Assert.Equal("/login?returnUrl=%2Fnothing-here", response.RedirectTarget());
    }

    [Fact]
    public async Task Help_is_open_to_everyone()
    {
        var page = await app.CreateBrowserlikeClient().GetPageAsync("/help");

        Assert.Equal("Aide", page.TextOf("main h1"));
        Assert.NotNull(page.QuerySelector("section#privacy"));
        Assert.NotNull(page.QuerySelector("section#accessibility"));
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_the_friendly_page_in_french()
    {
        var client = await app.SignedInClientAsync(Personas.Claire);

        var response = await client.GetAsync("/nothing-here", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ReadAsync(response);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page introuvable", page.TextOf("main h1"));
        Assert.Equal("/", page.QuerySelector("main a.button")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US,en;q=0.9")]
    [InlineData("en-GB,en;q=0.8,fr;q=0.5")]
    public async Task The_404_page_speaks_english_to_an_english_browser(string acceptLanguage)
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nothing-here");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page not found", page.TextOf("main h1"));
    }

    [Fact]
    public async Task The_404_page_speaks_english_to_whoever_chose_it()
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nothing-here");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Html.ReadAsync(response)).TextOf("main h1"));
    }

    [Fact]
    public async Task A_young_pupil_gets_the_first_degree_404()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);

        var response = await client.GetAsync("/nothing-here", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("degree-1", page.RootClasses());
        Assert.DoesNotContain("degree-2", page.RootClasses());
        Assert.Equal("Oups\u202F! Il n'y a rien ici.", page.TextOf("main p.lead"));
    }

    public static TheoryData<string, string> InterfaceOfPersonas => new()
    {
        { Personas.Nina, "degree-1" },    // maternelle
        { Personas.Lea, "degree-1" },     // élémentaire
        { Personas.Claire, "degree-1" },
        { Personas.Isabelle, "degree-1" },
        { Personas.Karim, "degree-1" },
        { Personas.Marc, "degree-1" },    // Nina's maternelle
        { Personas.Hugo, "degree-2" },    // collège
        { Personas.Paul, "degree-2" },
        { Personas.Sophie, "degree-2" },  // first of her two schools by name: Collège Victor Hugo
        { Personas.Admin, "degree-2" },   // no school at all
    };

    [Theory]
    [MemberData(nameof(InterfaceOfPersonas))]
    public async Task Each_persona_gets_the_interface_of_their_school_and_the_apps_of_the_catalog(string login, string degree)
    {
        var client = await app.SignedInClientAsync(login);

        var home = await client.GetPageAsync("/");

        Assert.Contains(degree, home.RootClasses());
        Assert.Single(home.RootClasses(), c => c.StartsWith("degree-", StringComparison.Ordinal));
        var tiles = home.QuerySelectorAll("#main a.tile[data-app]").Select(a => a.GetAttribute("data-app")!).ToList();
        Assert.Equal(await CatalogAppsOfAsync(login), tiles);
        Assert.Contains("account", tiles);
        Assert.Contains("help", tiles);
        var launcher = await client.GetPageAsync("/apps");
        Assert.Equal(tiles, launcher.QuerySelectorAll("#main a.tile[data-app]").Select(a => a.GetAttribute("data-app")!));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_while_the_database_does()
    {
        var client = app.CreateBrowserlikeClient();

        var live = await client.GetAsync("/health/live", _ct);
        var ready = await client.GetAsync("/health/ready", _ct);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync(_ct)));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync(_ct)));
    }

    private async Task<List<string>> CatalogAppsOfAsync(string login)
    {
        var user = await app.UserAsync(login);
        await using var scope = app.Services.CreateAsyncScope();
        var context = await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(user.Id, _ct);
        var rights = await scope.ServiceProvider.GetRequiredService<AppRights>().HeldAsync(user.Id, _ct);
        return [.. scope.ServiceProvider.GetRequiredService<AppCatalog>().For(context!, rights).Select(a => a.Id)];
    }
}

[Collection(SqliteCity.Name)]
public sealed class SqlitePageTests(SqliteApp app) : PageTests(app);

[Collection(PostgresCity.Name)]
public sealed class PostgresPageTests(PostgresApp app) : PageTests(app);
