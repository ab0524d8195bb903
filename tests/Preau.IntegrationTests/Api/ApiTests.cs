using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Api;

public abstract class ApiTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Me_answers_an_anonymous_caller_401_problem_details_not_a_redirect()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/api/v1/me", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Me_describes_a_parent_with_children_in_two_schools()
    {
        var me = await MeAsync(Personas.Sophie);

        Assert.Equal("sophie.dubois", me.GetProperty("login").GetString());
        Assert.Equal("Relative", me.GetProperty("profile").GetString());
        var structures = me.GetProperty("structures").EnumerateArray().ToList();
        Assert.Equal(["Collège Victor Hugo", "École élémentaire Jules Ferry"], structures.Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["College", "Elementaire"], structures.Select(s => s.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["First", "Second"], structures.Select(s => s.GetProperty("degree").GetString()).Order(StringComparer.Ordinal));
        var schoolIds = structures.ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("id").GetGuid());

        var children = me.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("firstName").GetString()!);
        Assert.Equal(["Hugo", "Léa"], children.Keys.Order(StringComparer.Ordinal));
        var leaClass = Assert.Single(children["Léa"].GetProperty("classes").EnumerateArray());
        Assert.Equal(("CE2 A", "CE2"), (leaClass.GetProperty("name").GetString(), leaClass.GetProperty("level").GetString()));
        Assert.Equal(schoolIds["École élémentaire Jules Ferry"], leaClass.GetProperty("structureId").GetGuid());
        var hugoClass = Assert.Single(children["Hugo"].GetProperty("classes").EnumerateArray());
        Assert.Equal(("5e B", "Cinquieme"), (hugoClass.GetProperty("name").GetString(), hugoClass.GetProperty("level").GetString()));
        Assert.Equal(schoolIds["Collège Victor Hugo"], hugoClass.GetProperty("structureId").GetGuid());

        // A parent's classes are their children's, listed with the children.
        Assert.Empty(me.GetProperty("classes").EnumerateArray());
        Assert.Empty(me.GetProperty("functions").EnumerateArray());
        var apps = me.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("account", apps);
        Assert.Contains("help", apps);
        Assert.Equal(JsonValueKind.String, me.GetProperty("degree").ValueKind);
        Assert.Equal(JsonValueKind.String, me.GetProperty("preferences").GetProperty("colorScheme").ValueKind);
    }

    [Fact]
    public async Task Me_shows_a_teachers_class_administration_on_her_class()
    {
        var me = await MeAsync(Personas.Claire);

        Assert.Equal("Teacher", me.GetProperty("profile").GetString());
        var ce2 = Assert.Single(me.GetProperty("classes").EnumerateArray());
        Assert.Equal("CE2 A", ce2.GetProperty("name").GetString());
        var function = Assert.Single(me.GetProperty("functions").EnumerateArray());
        Assert.Equal("ClassAdmin", function.GetProperty("function").GetString());
        Assert.Equal(ce2.GetProperty("id").GetGuid(), function.GetProperty("classId").GetGuid());
        Assert.Equal("First", me.GetProperty("degree").GetString());
    }

    [Fact]
    public async Task Me_shows_the_platform_administrator()
    {
        var me = await MeAsync(Personas.Admin);

        var function = Assert.Single(me.GetProperty("functions").EnumerateArray());
        Assert.Equal("SuperAdmin", function.GetProperty("function").GetString());
        Assert.Equal(JsonValueKind.Null, function.GetProperty("structureId").ValueKind);
        Assert.Equal(JsonValueKind.Null, function.GetProperty("classId").ValueKind);
        Assert.Equal("Personnel", me.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/api/v1/openapi.json", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out var me) && me.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/v1/session", out var session) && session.TryGetProperty("post", out _) && session.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me/preferences", out var preferences) && preferences.TryGetProperty("put", out _));
    }

    [Fact]
    public async Task Signing_in_through_the_api_with_a_wrong_password_is_401_problem_details()
    {
        var response = await app.CreateBrowserlikeClient().PostAsJsonAsync("/api/v1/session", new { login = Personas.Nina, password = "wrong" }, _ct);

        await AssertProblemAsync(response, 401);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_in_through_the_api_sets_the_session_cookie()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await client.PostAsJsonAsync("/api/v1/session", new { login = Personas.Hugo, password = PreauApp.Password }, _ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me", _ct));
        Assert.Equal("hugo.dubois", me.RootElement.GetProperty("login").GetString());
    }

    [Fact]
    public async Task An_unknown_api_address_is_404_problem_details_not_html()
    {
        var client = await app.SignedInClientAsync(Personas.Karim);

        var response = await client.GetAsync("/api/v1/nope", _ct);

        await AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task An_unknown_api_address_asked_anonymously_is_401_problem_details()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/api/v1/nope", _ct);

        await AssertProblemAsync(response, 401);
    }

    private async Task<JsonElement> MeAsync(string login)
    {
        var client = await app.SignedInClientAsync(login);
        var response = await client.GetAsync("/api/v1/me", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct)).RootElement.Clone();
    }

    private async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }
}

[Collection(SqliteCity.Name)]
public sealed class SqliteApiTests(SqliteApp app) : ApiTests(app);

[Collection(PostgresCity.Name)]
public sealed class PostgresApiTests(PostgresApp app) : ApiTests(app);
