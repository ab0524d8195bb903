using System.Net;
using Preau.Testing;

namespace Preau.IntegrationTests;

/// <summary>Posts the application's forms as a browser would: with the antiforgery token of the page they are on.</summary>
internal static class Forms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string action, IEnumerable<(string Name, string Value)> fields, string page = "/")
    {
        var token = await PreauApp.AntiforgeryTokenAsync(client, page);
        return await client.PostWithoutTokenAsync(action, fields.Prepend(("__csrf", token)));
    }

    public static Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string action, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), TestContext.Current.CancellationToken);

    /// <summary>The login form, with the options PreauApp's helper leaves out.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string login, string password, bool remember = false, string? returnUrl = null)
    {
        var fields = new List<(string, string)> { ("Input.Login", login), ("Input.Password", password) };
        if (remember)
        {
            fields.Add(("Input.Remember", "true"));
        }

        if (returnUrl is not null)
        {
            fields.Add(("returnUrl", returnUrl));
        }

        return client.PostFormAsync("/login", fields, "/login");
    }

    /// <summary>Where a redirect leads, as a path and query on this site.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
