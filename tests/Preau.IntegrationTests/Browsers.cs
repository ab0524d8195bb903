using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests;

/// <summary>A browser whose cookie jar the test can look into, e.g. to copy a session cookie.</summary>
internal sealed class Browser
{
    private static readonly Uri Site = new("http://localhost/");

    private Browser(HttpClient client, CookieContainer cookies) => (Client, Cookies) = (client, cookies);

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The session cookie as a Cookie header another client could send.</summary>
    public string SessionCookie =>
        Cookies.GetCookies(Site)[AuthenticationSetup.CookieName] is { } cookie ? $"{cookie.Name}={cookie.Value}" : throw new InvalidOperationException("Not signed in.");

    public static Browser Open(PreauApp app)
    {
        var cookies = new CookieContainer();
        return new Browser(app.CreateDefaultClient(Site, new CookieContainerHandler(cookies)), cookies);
    }

    public static async Task<Browser> SignedInAsync(PreauApp app, string login)
    {
        var browser = Open(app);
        var response = await app.CompleteMfaAsync(browser.Client, await PreauApp.PostLoginAsync(browser.Client, login, PreauApp.Password), login);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A request from a bare client carrying only the given Cookie header.</summary>
    public static Task<HttpResponseMessage> ReplayAsync(PreauApp app, string cookie, string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client.GetAsync(path, TestContext.Current.CancellationToken);
    }
}
