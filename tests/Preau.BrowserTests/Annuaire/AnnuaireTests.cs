using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>
/// Léa (CE2 A) in the annuaire: as she types, she finds a classmate and nobody from another
/// class; everything she is shown is of CE2 A or her teacher; her class is a picture grid. The
/// annuaire, a card, the class and the profile pass axe-core without a serious violation.
/// </summary>
public sealed class AnnuaireTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task Lea_searches_the_annuaire_and_finds_only_whom_she_may_reach(int width)
    {
        var classmate = await PupilOfAsync("CE2 A", Personas.Lea);
        var cpPupil = await PupilOfAsync("CP A", "");
        await using var context = await app.NewContextAsync(width, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Lea, app: app);

        await page.GotoAsync("/apps");
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuaire" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annuaire");
        var cards = page.Locator(".directory-card");
        await Expect(cards.First).ToBeVisibleAsync();
        foreach (var card in await cards.AllAsync())
        {
            var text = await card.InnerTextAsync();
            Assert.True(text.Contains("Claire Martin", StringComparison.Ordinal) || text.Contains("CE2 A", StringComparison.Ordinal), text);
        }

        await page.CheckAsync($"annuaire-lea-{width}", width, output);

        // As she types (no button to press: the results follow the text).
        var search = page.GetByLabel("Rechercher un nom");
        await search.PressSequentiallyAsync(classmate.LastName[..Math.Min(4, classmate.LastName.Length)], new() { Delay = 60 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = classmate.DisplayName }).First).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q="));

        await search.FillAsync(cpPupil.LastName + " " + cpPupil.FirstName);
        await Expect(page.Locator("[data-results-status]")).ToHaveTextAsync("Personne ne correspond à votre recherche.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = cpPupil.DisplayName })).ToHaveCountAsync(0);

        await search.FillAsync("mart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Claire Martin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Claire Martin");
        await page.CheckAsync($"annuaire-card-{width}", width, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la classe CE2 A" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Classe CE2 A");
        var tiles = page.Locator(".class-grid .class-tile");
        Assert.True(await tiles.CountAsync() > 3);
        await Expect(tiles.First).ToContainTextAsync("Claire Martin");
        await Expect(page.Locator(".class-tile[aria-current=true]")).ToContainTextAsync("Léa");
        await page.CheckAsync($"annuaire-class-{width}", width, output);

        await page.GotoAsync("/profil");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mon profil");
        await page.GetByRole(AriaRole.Radio, new() { Name = "En vacances" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ma devise" }).FillAsync("J’aime les dinosaures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre profil est enregistré.");
        await page.CheckAsync($"annuaire-profile-{width}", width, output);
    }


    /// <summary>A pupil of the class other than <paramref name="except"/>, with a surname long enough to type.</summary>
    private async Task<User> PupilOfAsync(string className, string except)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.Users.AsNoTracking()
            .Where(u => u.Login != except && u.Profile == Preau.Platform.Kernel.Profile.Student && u.LastName.Length >= 4
                && db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && db.Classes.Any(c => c.Id == g.ClassId && c.Name == className))))
            .OrderBy(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
    }
}
