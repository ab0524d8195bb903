using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preau.Platform.Kernel;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;
using ColorScheme = Microsoft.Playwright.ColorScheme;

namespace Preau.BrowserTests.News;

/// <summary>
/// The actualités' acceptance: Isabelle, the director of Jules Ferry, opens a school-wide thread
/// and writes a headline scheduled two hours ahead; Sophie, a parent of the school, does not see
/// it on her home page yet; once the (test) clock has passed its time, it is among her home page's
/// headlines. At 390 and 1280 wide: a screenshot and axe at each screen.
/// </summary>
public sealed class NewsAcceptanceTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    public async Task Isabelle_schedules_a_school_headline_that_reaches_sophies_home_page_at_its_time(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var thread = $"Actualités de Jules Ferry ({name})";
        var title = $"Kermesse samedi ({name})";
        var at = SchoolTime.ToParis(app.Clock.GetUtcNow().AddHours(2));

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var isabelle = await context.NewPageAsync();
            await isabelle.SignInAsync(Personas.Isabelle, app: app);
            await isabelle.GotoAsync("/actualites");
            await isabelle.GetByRole(AriaRole.Link, new() { Name = "Nouveau fil" }).ClickAsync();
            await isabelle.GetByLabel("Titre du fil").FillAsync(thread);
            await isabelle.GetByLabel(new Regex("^Tout l’établissement")).CheckAsync();
            await isabelle.CheckAsync($"news-isabelle-thread-{name}", width, output);
            await isabelle.GetByRole(AriaRole.Button, new() { Name = "Créer le fil" }).ClickAsync();
            await isabelle.GetByRole(AriaRole.Link, new() { Name = "Écrire une actualité" }).ClickAsync();
            await isabelle.GetByRole(AriaRole.Textbox, new() { Name = "Titre", Exact = true }).FillAsync(title);
            await isabelle.Locator("[contenteditable=true]").First.FillAsync("La kermesse de l'école aura lieu samedi de 10 h à 17 h dans la cour.");
            await isabelle.GetByLabel("Date de publication (facultatif)").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await isabelle.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^À la une") }).CheckAsync();
            await isabelle.CheckAsync($"news-isabelle-write-{name}", width, output);
            await isabelle.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
            await Expect(isabelle.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await isabelle.CheckAsync($"news-isabelle-item-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var sophie = await context.NewPageAsync();
            await sophie.SignInAsync(Personas.Sophie, app: app);
            var switcher = sophie.GetByLabel("Changer d'établissement");
            if ((await switcher.Locator("option:checked").TextContentAsync())?.Trim() != "École élémentaire Jules Ferry")
            {
                await switcher.SelectOptionAsync(new SelectOptionValue { Label = "École élémentaire Jules Ferry" });
                await Expect(sophie.Locator(".greeting p")).ToHaveTextAsync("Parent · École élémentaire Jules Ferry");
            }

            await Expect(sophie.GetByText(title)).ToHaveCountAsync(0);
            app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
            await sophie.ReloadAsync();
            var headlines = sophie.Locator("#a-la-une");
            await Expect(headlines).ToContainTextAsync(title);
            await sophie.CheckAsync($"news-sophie-home-{name}", width, output);
            await headlines.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(sophie.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        }
    }
}
