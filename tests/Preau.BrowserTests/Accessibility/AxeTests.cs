using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Accessibility;

/// <summary>
/// axe-core on the login page and on each persona's home page, on a phone and a laptop, light and
/// dark: no serious or critical violation. Lesser findings are written to the test output. Each
/// case leaves a full-page screenshot in artifacts/screenshots/.
/// </summary>
public sealed class AxeTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string, int, ColorScheme> Pages()
    {
        var data = new TheoryData<string, int, ColorScheme>();
        foreach (var who in new[] { "login", Personas.Nina, Personas.Lea, Personas.Hugo, Personas.Sophie, Personas.Claire })
        {
            foreach (var width in new[] { Viewports.Phone, Viewports.Desktop })
            {
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                {
                    data.Add(who, width, scheme);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_accessibility_violation(string who, int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        string name;
        if (who == "login")
        {
            await page.GotoAsync("/login");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
            name = $"login-{width}-{Scheme(scheme)}";
        }
        else
        {
            await page.SignInAsync(who);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");
            name = $"home-{who}-{width}-{Scheme(scheme)}";
        }

        await page.AssertFitsAsync(width, $"{name} scrolls sideways.");
        await Screenshots.SaveAsync(page, name);

        var result = await page.RunAxe();
        output.WriteLine($"{name}: axe-core {result.TestEngine.Version}, {result.Passes.Length} rules passed, {result.Violations.Length} violated, {result.Incomplete.Length} to review");

        foreach (var finding in result.Violations.Where(v => !Blocking.Contains(v.Impact)))
        {
            output.WriteLine($"{name}: {finding.Impact} {finding.Id}: {finding.Help} ({Targets(finding)})");
        }

        foreach (var review in result.Incomplete)
        {
            output.WriteLine($"{name}: needs review {review.Id}: {review.Help} ({Targets(review)})");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{name}:{Environment.NewLine}" + string.Join(Environment.NewLine,
            blocking.Select(v => $"  {v.Impact} {v.Id}: {v.Help}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", v.Nodes.Select(Describe))}")));
    }

    private static string Scheme(ColorScheme scheme) => scheme == ColorScheme.Dark ? "dark" : "light";

    private static string Targets(AxeResultItem finding) => string.Join(", ", finding.Nodes.Select(n => n.Target.ToString()));

    private static string Describe(AxeResultNode node) => $"{node.Target} {node.Html} {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}".Replace('\n', ' ');
}
