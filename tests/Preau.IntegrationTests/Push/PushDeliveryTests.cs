using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Feed.Push;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Feed;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Push;

/// <summary>
/// Web Push end to end: devices subscribed as browsers do, a publication pushed to exactly the
/// recipients whose push is on for its type, each notification signed with the VAPID key and
/// encrypted for its device (decrypted here as the browser would), gone devices purged.
/// </summary>
public abstract class PushDeliveryTests(PushApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakePushService Service => app.PushService;

    [Fact]
    public async Task A_publication_is_pushed_encrypted_and_signed_to_the_recipients_whose_push_is_on_and_no_one_else()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var pupil = await app.PersonAsync("ce2-pupil");
        var parent = await app.PersonAsync("ce2-parent");
        var hugo = await app.PersonAsync(Personas.Hugo);

        // The test type pushes to nobody by default; the SuperAdmin turned push on for parents.
        await app.WithDbAsync(async db =>
        {
            db.Add(new FeedTypeDefault { Type = TestNotesModule.NoteFeedType, Profile = Profile.Relative, Channel = FeedChannel.Feed, Push = true });
            db.Add(new FeedPreference { UserId = lea, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Feed, Push = true });     // her choice: on
            db.Add(new FeedPreference { UserId = sophie, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Feed, Push = false }); // her choice: off, over the parents' default
            await db.Users.Where(u => u.Id == parent).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "en"), Ct);
            await db.SaveChangesAsync(Ct);
        });

        using var leaPhone = new BrowserSubscription(Service.NewEndpoint());
        using var leaLaptop = new BrowserSubscription(Service.NewEndpoint());
        using var sophiePhone = new BrowserSubscription(Service.NewEndpoint());
        using var pupilPhone = new BrowserSubscription(Service.NewEndpoint());   // no choice, pupils' default: off
        using var parentPhone = new BrowserSubscription(Service.NewEndpoint()); // no choice, parents' default: on
        using var hugoPhone = new BrowserSubscription(Service.NewEndpoint());   // push on, but not in the audience
        await SubscribeAsync(await app.SignedInClientAsync(Personas.Lea), leaPhone);
        await SubscribeAsync(await app.SignedInClientAsync(Personas.Lea), leaLaptop);
        await SubscribeAsync(await app.SignedInClientAsync(Personas.Sophie), sophiePhone);
        await SubscribeAsync(await app.SignedInClientAsync(Personas.Hugo), hugoPhone);
        await SubscribeDirectlyAsync(pupil, pupilPhone);
        await SubscribeDirectlyAsync(parent, parentPhone);
        await app.WithDbAsync(db =>
        {
            db.Add(new FeedPreference { UserId = hugo, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Feed, Push = true });
            return db.SaveChangesAsync(Ct);
        });

        var before = await app.PushesDoneAsync();
        var published = await app.PublishAsync(FeedData.Note(claire, "Sortie au musée",
            groups: [await app.GroupAsync("CE2 A", Profile.Student), await app.GroupAsync("CE2 A", Profile.Relative)]));
        await app.WaitForPushAsync(before);
        Assert.True(await app.SeesAsync(sophie, published.EventId), "Sophie has the item in her feed, without push");
        Assert.True(await app.SeesAsync(pupil, published.EventId), "The other pupil has the item in his feed, without push");

        var publicKey = await PublicKeyAsync();
        foreach (var (device, text) in new[]
        {
            (leaPhone, "Claire Martin a publié la note « Sortie au musée »"),
            (leaLaptop, "Claire Martin a publié la note « Sortie au musée »"),
            (parentPhone, "Claire Martin published the note “Sortie au musée”"),
        })
        {
            var request = Assert.Single(Service.To(device.Endpoint));
            Vapid.AssertSigned(request.Authorization, publicKey, device.Endpoint);
            Assert.Equal("aes128gcm", request.ContentEncoding);
            Assert.NotNull(request.Ttl);
            var payload = device.Decrypt(request.Body);
            Assert.Equal("Préau", payload.GetProperty("title").GetString());
            Assert.Equal(text, payload.GetProperty("body").GetString());
            Assert.Equal($"/fil/ouvrir/{published.EventId}", payload.GetProperty("url").GetString());
        }

        Assert.Empty(Service.To(sophiePhone.Endpoint));
        Assert.Empty(Service.To(pupilPhone.Endpoint));
        Assert.Empty(Service.To(hugoPhone.Endpoint));

        // A success is dated on the device.
        var reached = await app.WithDbAsync(db => db.Set<PushDevice>().Where(d => d.Endpoint == leaPhone.Endpoint).Select(d => d.LastSuccessAt).SingleAsync(Ct));
        Assert.Equal(app.Clock.GetUtcNow(), reached);
    }

    [Fact]
    public async Task Devices_the_push_service_says_are_gone_are_purged_and_other_failures_keep_them()
    {
        var paul = await app.PersonAsync(Personas.Paul);
        using var gone = new BrowserSubscription(Service.NewEndpoint(HttpStatusCode.Gone));
        using var unknown = new BrowserSubscription(Service.NewEndpoint(HttpStatusCode.NotFound));
        using var failing = new BrowserSubscription(Service.NewEndpoint(HttpStatusCode.InternalServerError));
        using var working = new BrowserSubscription(Service.NewEndpoint());
        var marc = await app.PersonAsync(Personas.Marc);
        foreach (var device in new[] { gone, unknown, failing, working })
        {
            await SubscribeDirectlyAsync(marc, device);
        }

        await app.WithDbAsync(db =>
        {
            db.Add(new FeedPreference { UserId = marc, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Feed, Push = true });
            return db.SaveChangesAsync(Ct);
        });

        var before = await app.PushesDoneAsync();
        await app.PublishAsync(FeedData.Note(paul, "Réunion", users: [marc]));
        await app.WaitForPushAsync(before);

        Assert.All(new[] { gone, unknown, failing, working }, d => Assert.Single(Service.To(d.Endpoint)));
        var left = await app.WithDbAsync(db => db.Set<PushDevice>().Where(d => d.UserId == marc).Select(d => d.Endpoint).ToListAsync(Ct));
        Assert.Equal(new[] { failing.Endpoint, working.Endpoint }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_device_is_subscribed_listed_and_removed_by_its_owner_only()
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        var key = await client.GetFromJsonAsync<JsonElement>("/api/v1/push/key", Ct);
        Assert.Equal(await PublicKeyAsync(), key.GetProperty("publicKey").GetString());

        using var device = new BrowserSubscription(Service.NewEndpoint());
        await SubscribeAsync(client, device);
        await SubscribeAsync(client, device); // again: the same device, updated
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/push/subscriptions", Ct);
        var listed = Assert.Single(mine.EnumerateArray(), d => d.GetProperty("endpoint").GetString() == device.Endpoint);
        Assert.Equal("—", listed.GetProperty("label").GetString());

        // Someone else can neither remove it through the API nor through the page.
        var other = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(other, device.Endpoint)).StatusCode);
        var token = await PreauApp.AntiforgeryTokenAsync(other, "/fil/appareil");
        var stolen = await other.PostAsync("/fil/appareil?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["device"] = listed.GetProperty("id").GetString()!,
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        // The page lists it and removes it without script.
        var page = await client.GetStringAsync("/fil/appareil", Ct);
        Assert.Contains(device.Endpoint, page, StringComparison.Ordinal);
        var removed = await client.PostAsync("/fil/appareil?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = await PreauApp.AntiforgeryTokenAsync(client, "/fil/appareil"),
            ["device"] = listed.GetProperty("id").GetString()!,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/fil/appareil?done=removed", removed.Headers.Location?.OriginalString);
        Assert.DoesNotContain(device.Endpoint, await client.GetStringAsync("/fil/appareil", Ct), StringComparison.Ordinal);

        // And by endpoint through the API, as the page's script does.
        await SubscribeAsync(client, device);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, device.Endpoint)).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/push/subscriptions", Ct)).EnumerateArray());
    }

    [Theory]
    [InlineData("https://push.example.org/abc")]               // not a known push service: the server would post anywhere
    [InlineData("http://fcm.googleapis.com/fcm/send/abc")]     // not https
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/x")] // an unusual port
    [InlineData("https://user@fcm.googleapis.com/fcm/send/x")] // credentials in the address
    [InlineData("http://10.0.0.1/push/abc")]                   // http off loopback
    [InlineData("ftp://127.0.0.1/push")]
    [InlineData("")]
    public async Task Endpoints_outside_the_known_push_services_are_refused(string endpoint)
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        using var browser = new BrowserSubscription(endpoint);
        var answer = await client.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("endpoint", out _));
    }

    [Fact]
    public async Task Keys_that_are_not_a_browser_s_are_refused_and_known_services_are_accepted()
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        using var browser = new BrowserSubscription("https://fcm.googleapis.com/fcm/send/" + Guid.NewGuid());
        var badKey = await client.PostAsJsonAsync("/api/v1/push/subscriptions",
            new { endpoint = browser.Endpoint, keys = new { p256dh = browser.Auth, auth = browser.Auth } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        var badAuth = await client.PostAsJsonAsync("/api/v1/push/subscriptions",
            new { endpoint = browser.Endpoint, keys = new { p256dh = browser.P256dh, auth = "not base64url!" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badAuth.StatusCode);

        var firefox = "https://updates.push.services.mozilla.com/wpush/v2/" + Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint = firefox, keys = new { browser.P256dh, browser.Auth } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json, Ct)).StatusCode);

        // Nothing of these is ever pushed from the tests: they leave again.
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, firefox)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, browser.Endpoint)).StatusCode);
    }

    [Fact]
    public async Task The_installable_app_s_files_are_served_to_anyone()
    {
        var client = app.CreateBrowserlikeClient();
        var worker = await client.GetAsync("/sw.js", Ct);
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.True(worker.Headers.CacheControl?.NoCache, "The service worker is revalidated on each check.");
        Assert.Contains("addEventListener(\"push\"", await worker.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var manifest = await client.GetAsync("/manifest.webmanifest", Ct);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Préau", json.GetProperty("name").GetString());
        Assert.Equal("/", json.GetProperty("start_url").GetString());
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        var icons = json.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var answer = await client.GetAsync(icon.GetProperty("src").GetString(), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), answer.Content.Headers.ContentType?.MediaType);
        }

        var offline = await client.GetAsync("/hors-ligne", Ct);
        Assert.Equal(HttpStatusCode.OK, offline.StatusCode);
        var html = await offline.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Vous êtes hors ligne", html, StringComparison.Ordinal);
        Assert.Contains("You are offline", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offline_page_holds_nothing_of_a_signed_in_person()
    {
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var html = await client.GetStringAsync("/hors-ligne", Ct);
        Assert.DoesNotContain("Sophie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/logout", html, StringComparison.Ordinal);
        Assert.Contains("Vous êtes hors ligne", html, StringComparison.Ordinal);
    }

    private async Task<string> PublicKeyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<VapidKeys>().GetAsync(Ct)).PublicKey;
    }

    private static async Task SubscribeAsync(HttpClient client, BrowserSubscription browser)
    {
        var answer = await client.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>For people of the demo who have no password yet: the same use case as the API.</summary>
    private async Task SubscribeDirectlyAsync(Guid userId, BrowserSubscription browser)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (problem, _) = await scope.ServiceProvider.GetRequiredService<SubscribeDevice>()
            .HandleAsync(userId, new SubscribeDevice.Request(browser.Endpoint, browser.P256dh, browser.Auth), "Mozilla/5.0 (Android 14) Firefox/130.0", Ct);
        Assert.Equal(SubscribeDevice.Problem.None, problem);
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string endpoint) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/push/subscriptions") { Content = JsonContent.Create(new { endpoint }) }, Ct);
}

public sealed class SqlitePushDeliveryTests(SqlitePushApp app) : PushDeliveryTests(app), IClassFixture<SqlitePushApp>;

public sealed class PostgresPushDeliveryTests(PostgresPushApp app) : PushDeliveryTests(app), IClassFixture<PostgresPushApp>;
