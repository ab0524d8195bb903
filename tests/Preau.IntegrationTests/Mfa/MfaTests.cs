using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Mfa;

/// <summary>
/// Two-step verification (TOTP): enrolment, sign-in with a code, replay, throttling, recovery
/// codes, trusted devices, mandatory enrolment of administrators, the API and the admin reset.
/// Codes are computed with Otp.NET from the secret the page shows, on the application's clock.
/// </summary>
public abstract class MfaTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parent_enrols_then_signs_in_with_a_code_that_cannot_be_replayed()
    {
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var (secret, codes) = await EnrolAsync(client, Personas.Sophie);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(1, await AuditCountAsync("mfa.enable", Personas.Sophie));
        var stored = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT protected_secret AS \"Value\" FROM acc_mfa").ToListAsync(_ct));
        Assert.DoesNotContain(stored, s => s.Contains(secret, StringComparison.Ordinal));

        var browser = app.CreateBrowserlikeClient();
        var login = await browser.PostLoginAsync(Personas.Sophie, PreauApp.Password);
        Assert.Equal("/login/mfa", login.RedirectTarget());
        Assert.DoesNotContain(SetCookies(login), c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal));
        // Half signed in is not signed in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account", _ct)).StatusCode);

        var code = app.TotpCode(secret, Personas.Sophie);
        var second = await browser.PostFormAsync("/login/mfa", [("Code", code)], "/login/mfa");
        Assert.Equal("/", second.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account", _ct)).StatusCode);

        // The same code, at once, in another browser: refused.
        var thief = app.CreateBrowserlikeClient();
        await thief.PostLoginAsync(Personas.Sophie, PreauApp.Password);
        var replay = await thief.PostFormAsync("/login/mfa", [("Code", code)], "/login/mfa");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("déjà utilisé", (await Html.ReadAsync(replay)).TextOf("#mfa-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/account", _ct)).StatusCode);

        // A recovery code works once.
        var recovery = await thief.PostFormAsync("/login/mfa", [("Code", codes[0].ToLowerInvariant())], "/login/mfa");
        Assert.Equal("/account?recoveryCodeUsed=true#security", recovery.RedirectTarget());
        Assert.Equal(1, await AuditCountAsync("mfa.recovery-code-used", Personas.Sophie));
        var again = app.CreateBrowserlikeClient();
        await again.PostLoginAsync(Personas.Sophie, PreauApp.Password);
        var reused = await again.PostFormAsync("/login/mfa", [("Code", codes[0])], "/login/mfa");
        Assert.Contains("déjà utilisé", (await Html.ReadAsync(reused)).TextOf("#mfa-error"), StringComparison.Ordinal);
        Assert.Contains("Codes de secours restants\u00a0: 9", (await browser.GetPageAsync("/account")).TextOf("#security"), StringComparison.Ordinal);

        // Turning it off asks for a code.
        var wrongOff = await browser.PostFormAsync("/account?handler=DisableMfa", [("code", "000000")], "/account");
        Assert.Equal(HttpStatusCode.BadRequest, wrongOff.StatusCode);
        var off = await browser.PostFormAsync("/account?handler=DisableMfa", [("code", app.TotpCode(secret, Personas.Sophie))], "/account");
        Assert.Equal("/account?done=mfa-off#security", off.RedirectTarget());
        Assert.Equal(1, await AuditCountAsync("mfa.disable", Personas.Sophie));
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Sophie, PreauApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task Wrong_codes_are_held_even_before_the_right_one()
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        var (secret, _) = await EnrolAsync(client, Personas.Paul);

        var browser = app.CreateBrowserlikeClient();
        await browser.PostLoginAsync(Personas.Paul, PreauApp.Password);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.PostFormAsync("/login/mfa", [("Code", $"00000{i}")], "/login/mfa");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var held = await browser.PostFormAsync("/login/mfa", [("Code", app.TotpCode(secret, Personas.Paul))], "/login/mfa");
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Contains("Trop de codes incorrects", (await Html.ReadAsync(held)).TextOf("#mfa-error"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = app.CreateBrowserlikeClient();
        await later.PostLoginAsync(Personas.Paul, PreauApp.Password);
        Assert.Equal("/", (await later.PostFormAsync("/login/mfa", [("Code", app.TotpCode(secret, Personas.Paul))], "/login/mfa")).RedirectTarget());
    }

    [Fact]
    public async Task A_trusted_device_skips_the_code_until_it_is_revoked()
    {
        var browser = app.CreateBrowserlikeClient();
        var login = await browser.PostLoginAsync(Personas.Admin, PreauApp.Password);
        Assert.Equal("/login/mfa", login.RedirectTarget());
        var trusted = await app.CompleteMfaAsync(browser, login, Personas.Admin, trustDevice: true);
        Assert.Equal("/", trusted.RedirectTarget());
        Assert.Contains(SetCookies(trusted), c => c.StartsWith("preau.trusted=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM acc_trusted_devices").SingleAsync(_ct)));

        await browser.PostFormAsync("/logout", [], "/account");
        Assert.Equal("/", (await browser.PostLoginAsync(Personas.Admin, PreauApp.Password)).RedirectTarget());

        // Another browser still gives the code.
        Assert.Equal("/login/mfa", (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Admin, PreauApp.Password)).RedirectTarget());

        var account = await browser.GetPageAsync("/account");
        var device = account.QuerySelector("#trusted-devices input[name=device]")?.GetAttribute("value");
        Assert.NotNull(device);
        Assert.Contains("Cet appareil", account.TextOf("#trusted-devices"), StringComparison.Ordinal);
        var revoked = await browser.PostFormAsync("/account?handler=RevokeDevice", [("device", device)], "/account");
        Assert.Equal("/account?done=devices#security", revoked.RedirectTarget());

        await browser.PostFormAsync("/logout", [], "/account");
        Assert.Equal("/login/mfa", (await browser.PostLoginAsync(Personas.Admin, PreauApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task A_local_admin_without_mfa_must_enrol_before_anything_else_and_the_api_asks_for_the_code()
    {
        // The SuperAdmin resets Isabelle's MFA (she lost her phone).
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var isabelle = await app.UserAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{isabelle.Id}/mfa/reset", null, _ct)).StatusCode);

        var api = await app.CreateBrowserlikeClient().PostAsJsonAsync("/api/v1/session", new { login = Personas.Isabelle, password = PreauApp.Password }, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("mfa_enrolment_required", await ProblemCodeAsync(api));

        var browser = app.CreateBrowserlikeClient();
        var login = await browser.PostLoginAsync(Personas.Isabelle, PreauApp.Password, returnUrl: "/admin");
        Assert.Equal("/login/mfa/enrol", login.RedirectTarget());
        foreach (var path in new[] { "/", "/admin", "/account", "/login/mfa" })
        {
            var blocked = await browser.GetAsync(path, _ct);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.StartsWith("/login", blocked.RedirectTarget(), StringComparison.Ordinal);
        }

        var page = await browser.GetPageAsync("/login/mfa/enrol");
        Assert.NotNull(page.QuerySelector(".qr img[src^='data:image/png;base64,']"));
        var secret = SecretOf(page);
        var wrong = await browser.PostFormAsync("/login/mfa/enrol", [("Enrolment", EnrolmentOf(page)), ("Code", "123456")], "/login/mfa/enrol");
        Assert.Contains("ne correspond pas", (await Html.ReadAsync(wrong)).TextOf("#mfa-error"), StringComparison.Ordinal);
        var done = await browser.PostFormAsync("/login/mfa/enrol", [("Enrolment", EnrolmentOf(page)), ("Code", app.TotpCode(secret, "isabelle.new"))], "/login/mfa/enrol");
        var codes = (await Html.ReadAsync(done)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin", _ct)).StatusCode);

        // The API: first the password, then the same call with the code.
        var apiClient = app.CreateBrowserlikeClient();
        var first = await apiClient.PostAsJsonAsync("/api/v1/session", new { login = Personas.Isabelle, password = PreauApp.Password }, _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("mfa_required", await ProblemCodeAsync(first));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var wrongCode = await apiClient.PostAsJsonAsync("/api/v1/session", new { login = Personas.Isabelle, password = PreauApp.Password, code = "999999" }, _ct);
        Assert.Equal("mfa_invalid", await ProblemCodeAsync(wrongCode));
        var second = await apiClient.PostAsJsonAsync("/api/v1/session", new { login = Personas.Isabelle, password = PreauApp.Password, code = app.TotpCode(secret, "isabelle.new") }, _ct);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        using var me = JsonDocument.Parse(await apiClient.GetStringAsync("/api/v1/me", _ct));
        Assert.Equal(Personas.Isabelle, me.RootElement.GetProperty("login").GetString());
        using var mfa = JsonDocument.Parse(await apiClient.GetStringAsync("/api/v1/me/mfa", _ct));
        Assert.True(mfa.RootElement.GetProperty("enabled").GetBoolean());
        Assert.True(mfa.RootElement.GetProperty("required").GetBoolean());

        // Administrators cannot turn it off.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostFormAsync("/account?handler=DisableMfa", [("code", codes[1])], "/account")).StatusCode);

        // Put back the demo key for the other tests of this class.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM acc_mfa WHERE user_id = {0}", isabelle.Id));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Preau.Platform.Persistence.PreauDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == isabelle.Id, _ct);
            scope.ServiceProvider.GetRequiredService<Preau.Account.Security.Mfa>().EnrolForDemo(user, PreauApp.TotpSecret);
            await db.SaveChangesAsync(_ct);
        }
    }

    [Fact]
    public async Task An_admin_resets_mfa_inside_their_scope_only()
    {
        var victorHugoTeacher = await app.UserAsync(Personas.Paul);
        var julesFerryAnimator = await app.UserAsync(Personas.Karim);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/users/{victorHugoTeacher.Id}/mfa/reset", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostFormAsync($"/admin/users/{victorHugoTeacher.Id}/mfa/reset", [], "/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/mfa/reset", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/users/{julesFerryAnimator.Id}/mfa/reset", null, _ct)).StatusCode);
        Assert.Equal($"/admin/users/{julesFerryAnimator.Id}?mfaReset=true", (await isabelle.PostFormAsync($"/admin/users/{julesFerryAnimator.Id}/mfa/reset", [], "/account")).RedirectTarget());

        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostAsync($"/api/v1/admin/users/{julesFerryAnimator.Id}/mfa/reset", null, _ct)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "mfa.reset-by-admin" && a.TargetUserId == julesFerryAnimator.Id, _ct)));
    }

    [Fact]
    public async Task A_local_admin_cannot_reset_the_second_factor_of_a_super_admin_placed_in_her_school()
    {
        var superAdmin = await app.UserAsync(Personas.Admin);
        await app.WithDbAsync(async db =>
        {
            var staff = await db.Groups.SingleAsync(g => g.ClassId == null && g.Profile == Platform.Kernel.Profile.Personnel
                && db.Structures.Any(s => s.Id == g.StructureId && s.Uai == "0751235B"), _ct);
            db.GroupMembers.Add(new Platform.Directory.Domain.GroupMember { GroupId = staff.Id, UserId = superAdmin.Id, JoinedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync(_ct);
        });
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/users/{superAdmin.Id}/mfa/reset", null, _ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "mfa.reset-by-admin" && a.TargetUserId == superAdmin.Id, _ct)));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_second_factor_and_recovery()
    {
        using var document = JsonDocument.Parse(await app.CreateBrowserlikeClient().GetStringAsync("/api/v1/openapi.json", _ct));
        var paths = document.RootElement.GetProperty("paths");

        var session = paths.GetProperty("/api/v1/session").GetProperty("post");
        Assert.Contains("mfa_required", session.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(session.GetProperty("responses").TryGetProperty("401", out _));
        foreach (var path in new[] { "/api/v1/recovery/login", "/api/v1/recovery/password", "/api/v1/recovery/password/reset", "/api/v1/admin/users/{id}/mfa/reset" })
        {
            Assert.True(paths.TryGetProperty(path, out var operations) && operations.TryGetProperty("post", out _), path);
        }

        Assert.True(paths.GetProperty("/api/v1/me/password").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/me/mfa").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Pupils_are_not_offered_mfa()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);

        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync("/account/mfa", _ct)).StatusCode);
        var account = await lea.GetPageAsync("/account");
        Assert.Null(account.QuerySelector("a[href='/account/mfa']"));
    }

    private async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolAsync(HttpClient client, string login)
    {
        var page = await client.GetPageAsync("/account/mfa");
        var secret = SecretOf(page);
        var uri = page.QuerySelector(".qr img")?.GetAttribute("src");
        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/account/mfa", [("Enrolment", EnrolmentOf(page)), ("Code", "000000")], "/account/mfa");
        Assert.Contains("ne correspond pas", (await Html.ReadAsync(wrong)).TextOf("#mfa-error"), StringComparison.Ordinal);

        var done = await client.PostFormAsync("/account/mfa", [("Enrolment", EnrolmentOf(page)), ("Code", app.TotpCode(secret, login))], "/account/mfa");
        var codes = (await Html.ReadAsync(done)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        return (secret, codes);
    }

    private static string SecretOf(IHtmlDocument page)
    {
        var secret = page.TextOf("#mfa-secret").Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        return secret;
    }

    private static string EnrolmentOf(IHtmlDocument page) =>
        page.QuerySelector("input[name=Enrolment]")?.GetAttribute("value") ?? throw new InvalidOperationException("No enrolment field.");

    private async Task<int> AuditCountAsync(string action, string login)
    {
        var target = await app.UserAsync(login);
        return await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.TargetUserId == target.Id, _ct));
    }

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

public sealed class SqliteMfaTests(SqliteApp app) : MfaTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMfaTests(PostgresApp app) : MfaTests(app), IClassFixture<PostgresApp>;
