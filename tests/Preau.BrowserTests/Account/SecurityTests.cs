using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Account;

/// <summary>
/// The recovery pages and the second step of signing in, as a person sees them: an administrator
/// signs in with their authenticator's code, and each page passes axe-core on a phone and a
/// laptop, light and dark (screenshots in artifacts/screenshots/).
/// </summary>
public sealed class SecurityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task An_administrator_signs_in_with_the_code_of_their_authenticator()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(Personas.Isabelle, app: app);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Isabelle\u202F!");
        Assert.Equal(Launcher.ExpectedFor(Personas.Isabelle).Order(StringComparer.Ordinal), (await page.AppIdsAsync()).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, int, ColorScheme> Pages()
    {
        var data = new TheoryData<string, int, ColorScheme>();
        foreach (var path in new[] { "/login/forgot-password", "/login/forgot-login", "/login/reset", "/login/mfa" })
        {
            foreach (var width in new[] { Viewports.Phone, Viewports.Desktop })
            {
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                {
                    data.Add(path, width, scheme);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_accessibility_violation(string path, int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        if (path == "/login/mfa")
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("Identifiant ou adresse e-mail").FillAsync(Personas.Admin);
            await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(PreauApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await Expect(page.GetByLabel("Code de vérification")).ToBeVisibleAsync();
        }
        else
        {
            await page.GotoAsync(path);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var name = $"security{path.Replace('/', '-')}-{width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}";
        await page.AssertFitsAsync(width, $"{name} scrolls sideways.");
        await Screenshots.SaveAsync(page, name);

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))})")));
    }
}
