using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Portal;

public sealed class HomeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Personas.Nina, "Nina Petit", "degree-1")]
    [InlineData(Personas.Lea, "Léa Dubois", "degree-1")]
    [InlineData(Personas.Hugo, "Hugo Dubois", "degree-2")]
    [InlineData(Personas.Claire, "Claire Martin", "degree-1")]
    public async Task A_persona_lands_on_the_home_page_of_their_interface_with_their_apps(string login, string displayName, string degree)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(login);

        var firstName = displayName.Split(' ')[0];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Bonjour {firstName}\u202F!");
        await Expect(page.GetByLabel($"Menu de {displayName}", new() { Exact = true })).ToBeVisibleAsync();
        var classes = await page.HtmlClassesAsync();
        Assert.Contains(degree, classes);
        Assert.DoesNotContain(degree == "degree-1" ? "degree-2" : "degree-1", classes);
        await AssertLauncherAsync(page, login);
    }

    [Fact]
    public async Task A_parent_with_children_in_two_schools_switches_school_and_gets_that_schools_interface()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(Personas.Sophie);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Sophie\u202F!");
        await AssertLauncherAsync(page, Personas.Sophie);
        var switcher = page.GetByLabel("Changer d'établissement");
        var options = await switcher.Locator("option").AllTextContentsAsync();
        Assert.Equal(["Collège Victor Hugo", "École élémentaire Jules Ferry"], options.Order(StringComparer.Ordinal));

        var before = await SelectedSchoolAsync(switcher);
        await AssertInterfaceOfSchoolAsync(page, before);

        var other = options.Single(o => o != before);
        await switcher.SelectOptionAsync(new SelectOptionValue { Label = other });

        // The switcher submits itself (shell.js): no button press, a new page for the other school.
        await Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($@"\b{DegreeOf(other)}\b"));
        Assert.Equal(other, await SelectedSchoolAsync(page.GetByLabel("Changer d'établissement")));
        await Expect(page.Locator(".greeting p")).ToHaveTextAsync($"Parent · {other}");
        await AssertInterfaceOfSchoolAsync(page, other);
        await AssertLauncherAsync(page, Personas.Sophie);
    }

    [Theory]
    [InlineData(Personas.Nina)]
    [InlineData(Personas.Lea)]
    public async Task On_the_first_degree_every_tile_reads_its_name_aloud(string login)
    {
        await using var context = await app.NewContextAsync();
        await context.AddInitScriptAsync(SpeechStub);
        var page = await context.NewPageAsync();
        await page.SignInAsync(login);

        // Playwright folds every space, the no-break one before the colon included, into " ".
        var launcher = page.GetByRole(AriaRole.Region, new() { Name = "Mes applis" });
        await page.ShellReadyAsync();
        var names = await launcher.Locator("a.tile[data-app]").Locator(".tile-name").AllTextContentsAsync();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, await launcher.GetByRole(AriaRole.Button, new() { NameRegex = new("^Écouter : ") }).CountAsync());

        foreach (var name in names)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Écouter : {name}", Exact = true }).ClickAsync();

            var spoken = await page.EvaluateAsync<string[]>("() => window.__spoken.map(u => u.text)");
            Assert.Equal(name, spoken[^1]);
            Assert.Equal("fr-FR", await page.EvaluateAsync<string>("() => window.__spoken.at(-1).lang"));
        }

        Assert.Equal(names, await page.EvaluateAsync<string[]>("() => window.__spoken.map(u => u.text)"));

        // The greeting too is read to a child who cannot read it.
        var greeting = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Écouter : {greeting}", Exact = true }).ClickAsync();
        Assert.Equal(greeting, await page.EvaluateAsync<string>("() => window.__spoken.at(-1).text"));
    }

    [Fact]
    public async Task On_the_second_degree_tiles_have_no_read_aloud_button()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Hugo);

        await Expect(page.Locator("a.tile[data-app]").First).ToBeVisibleAsync();
        await page.ShellReadyAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Écouter") }).CountAsync());
    }

    /// <summary>Replaces the browser's speech synthesis with a recorder: headless Chromium has no voices.</summary>
    private const string SpeechStub = """
        (() => {
          const spoken = [];
          window.__spoken = spoken;
          class Utterance { constructor(text) { this.text = text; this.lang = ""; this.rate = 1; this.onend = null; this.onerror = null; } }
          const synthesis = {
            speaking: false, pending: false, paused: false,
            speak(u) { spoken.push({ text: u.text, lang: u.lang }); setTimeout(() => u.onend && u.onend(), 0); },
            cancel() {}, pause() {}, resume() {}, getVoices() { return []; },
          };
          Object.defineProperty(window, "speechSynthesis", { configurable: true, get: () => synthesis });
          Object.defineProperty(window, "SpeechSynthesisUtterance", { configurable: true, writable: true, value: Utterance });
        })();
        """;

    private static async Task AssertLauncherAsync(IPage page, string login)
    {
        var shown = await page.AppIdsAsync();
        Assert.Equal(shown.Length, shown.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Launcher.ExpectedFor(login).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    private static async Task AssertInterfaceOfSchoolAsync(IPage page, string school)
    {
        await page.ShellReadyAsync();
        var classes = await page.HtmlClassesAsync();
        Assert.Contains(DegreeOf(school), classes);
        var speakButtons = await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Écouter") }).CountAsync();
        Assert.Equal(DegreeOf(school) == "degree-1", speakButtons > 0);
    }

    private static Task<string> SelectedSchoolAsync(ILocator select) =>
        select.EvaluateAsync<string>("s => s.options[s.selectedIndex].text");

    private static string DegreeOf(string school) => school.StartsWith("École", StringComparison.Ordinal) ? "degree-1" : "degree-2";
}
