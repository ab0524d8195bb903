using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Account;

public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_wrong_password_is_announced_in_an_alert_on_a_phone_sized_login_page()
    {
        await using var context = await app.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.AssertFitsAsync(Viewports.Phone, "The login page scrolls sideways on a phone.");

        await page.GetByLabel("Identifiant ou adresse e-mail").FillAsync(Personas.Paul);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync("Identifiant ou mot de passe incorrect. Vérifiez les majuscules et réessayez.");
        await Expect(page).ToHaveURLAsync(Shell.LoginUrl());
        await Expect(page.GetByLabel("Identifiant ou adresse e-mail")).ToHaveValueAsync(Personas.Paul);
        await Expect(page.GetByLabel("Mot de passe", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertFitsAsync(Viewports.Phone, "The login page with its error scrolls sideways on a phone.");

        // The same page, corrected, signs in: the error did not break the form.
        await page.SignInAsync(Personas.Paul);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Paul\u202F!");
    }

    [Fact]
    public async Task Signing_out_from_the_profile_menu_returns_to_the_login_page_and_closes_the_session()
    {
        await using var context = await app.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Hugo);

        await page.OpenProfileMenuAsync("Menu de Hugo Dubois");
        await page.AssertFitsAsync(Viewports.Phone, "The open profile menu overflows a phone's width.");
        await Screenshots.SaveAsync(page, "menu-hugo.dubois-390-light");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Shell.LoginUrl());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(Shell.LoginUrl());
        await Expect(page.GetByLabel("Identifiant ou adresse e-mail")).ToBeVisibleAsync();
    }
}
