using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Preau.IntegrationTests;

/// <summary>Reads pages as a browser would, to assert on elements rather than on text fragments.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}.");
        return await ReadAsync(response);
    }

    /// <summary>The classes on &lt;html&gt;: interface degree and display options.</summary>
    public static IReadOnlyList<string> RootClasses(this IHtmlDocument page) => [.. page.DocumentElement.ClassList];

    public static string TextOf(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No {selector} on the page.");
}
