using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Platform.Demo;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;
using ColorScheme = Microsoft.Playwright.ColorScheme;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Homework;

/// <summary>
/// The cahier de textes from the teacher's page to the families': Paul opens the French book of 5e B
/// from his launcher and sets tonight's homework with its form; Hugo ticks it done; Sophie, his mother,
/// opens the list, sees Hugo's homework for the next school day, then switches to Léa (another
/// school) in one tap and sees hers, Hugo's tick shown as done; Karim, at the étude, finds Léa's
/// homework for the evening; back in the book, Paul reads "1/11 ont fait". At 390 and 1280 wide,
/// light and dark: a screenshot and axe at each screen.
/// </summary>
public sealed class ToDoTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Hugo_ticks_his_homework_and_sophie_switches_between_her_children(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var french = $"Fiche sur le passé simple, exercices 1 à 4 ({name})";
        var reading = $"Relire le chapitre 2 du Petit Prince ({name})";
        var worksheet = $"Fiche d’exercices — passé simple ({name}).pdf";
        await SetReadingForNextSchoolDayAsync(reading, worksheet);

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var paul = await context.NewPageAsync();
            await paul.SignInAsync(Personas.Paul, app: app);
            await paul.GotoAsync("/");
            await paul.Locator("a.tile[href='/a-faire']").ClickAsync();
            await Expect(paul.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cahier de textes");
            await paul.CheckAsync($"homework-paul-books-{name}", width, output);
            // Opened for the group and its subject (the same book when it is already open).
            await paul.GetByLabel("Classe ou groupe").SelectOptionAsync(new SelectOptionValue { Label = "5e B — Français" });
            await paul.GetByLabel("Matière").FillAsync("Français");
            await paul.GetByRole(AriaRole.Button, new() { Name = "Ouvrir" }).ClickAsync();
            await Expect(paul.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("5e B — Français");
            await paul.GetByRole(AriaRole.Link, new() { Name = "Travail à faire", Exact = true }).ClickAsync();
            await Expect(paul.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nouveau travail à faire");
            await paul.Locator("label.hw-kind-choice", new() { HasText = "Exercice" }).ClickAsync();
            await paul.Locator("[contenteditable=true]").First.FillAsync(french);
            await paul.GetByLabel("Temps estimé (minutes)").FillAsync("30");
            await paul.CheckAsync($"homework-paul-form-{name}", width, output);
            await paul.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            var entry = paul.Locator("article.hw-entry", new() { HasText = french });
            await Expect(entry).ToContainTextAsync("0/11 ont fait");
            await Expect(entry).ToContainTextAsync("30 min");

            // The worksheet, from his documents.
            await entry.GetByRole(AriaRole.Link, new() { Name = "Joindre depuis mes documents" }).ClickAsync();
            await paul.GetByLabel(worksheet).CheckAsync();
            await paul.CheckAsync($"homework-paul-attach-{name}", width, output);
            await paul.GetByRole(AriaRole.Button, new() { Name = "Joindre", Exact = true }).ClickAsync();
            await Expect(paul.Locator("article.hw-entry", new() { HasText = french }).GetByRole(AriaRole.Link, new() { Name = worksheet })).ToBeVisibleAsync();
            await paul.CheckAsync($"homework-paul-week-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var hugo = await context.NewPageAsync();
            await hugo.SignInAsync(Personas.Hugo, app: app);
            await hugo.GotoAsync("/");
            await hugo.Locator("a.tile[href='/a-faire']").ClickAsync();
            await Expect(hugo.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("À faire");
            var item = hugo.Locator("li.hw-item", new() { HasText = french });
            await Expect(item).ToContainTextAsync("Français");
            await Expect(item.GetByRole(AriaRole.Link, new() { Name = worksheet })).ToBeVisibleAsync();
            await Expect(hugo.GetByText(reading)).ToHaveCountAsync(0);
            await hugo.CheckAsync($"homework-hugo-todo-{name}", width, output);
            await item.GetByRole(AriaRole.Button, new() { Name = "C’est fait" }).ClickAsync();
            await Expect(hugo.Locator("li.hw-item", new() { HasText = french })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-done"));
            await Expect(hugo.Locator("li.hw-item", new() { HasText = french }).GetByRole(AriaRole.Button, new() { Name = "Remettre à faire" })).ToBeVisibleAsync();
            await hugo.CheckAsync($"homework-hugo-done-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var sophie = await context.NewPageAsync();
            await sophie.SignInAsync(Personas.Sophie, app: app);
            await sophie.GotoAsync("/a-faire");
            await Expect(sophie.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Les devoirs de mes enfants");
            var children = sophie.GetByRole(AriaRole.Navigation, new() { Name = "Choisir l’enfant" });
            await children.GetByRole(AriaRole.Link, new() { Name = "Hugo" }).ClickAsync();
            var hugos = sophie.Locator("li.hw-item", new() { HasText = french });
            await Expect(hugos).ToContainTextAsync("Fait");
            await Expect(sophie.GetByText(reading)).ToHaveCountAsync(0);
            await Expect(sophie.GetByRole(AriaRole.Button, new() { Name = "C’est fait" })).ToHaveCountAsync(0);
            await sophie.CheckAsync($"homework-sophie-hugo-{name}", width, output);

            await children.GetByRole(AriaRole.Link, new() { Name = "Léa" }).ClickAsync();
            await Expect(children.GetByRole(AriaRole.Link, new() { Name = "Léa" })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(sophie.Locator("li.hw-item", new() { HasText = reading })).ToContainTextAsync("Pas encore fait");
            await Expect(sophie.GetByText(french)).ToHaveCountAsync(0);
            await sophie.CheckAsync($"homework-sophie-lea-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            // Karim, at the étude, finds Léa's reading for the next school day, and nothing of Hugo's.
            var karim = await context.NewPageAsync();
            await karim.SignInAsync(Personas.Karim, app: app);
            await karim.GotoAsync("/");
            await karim.Locator("a.tile[href='/a-faire']").ClickAsync();
            await Expect(karim).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/etude$"));
            await Expect(karim.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Étude du soir" })).ToBeVisibleAsync();
            var lea = karim.GetByRole(AriaRole.Region, new() { Name = "Léa Dubois" });
            await Expect(lea.Locator("li.hw-item", new() { HasText = reading })).ToBeVisibleAsync();
            await Expect(karim.GetByText(french)).ToHaveCountAsync(0);
            await karim.CheckAsync($"homework-karim-etude-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var paul = await context.NewPageAsync();
            await paul.SignInAsync(Personas.Paul, app: app);
            await paul.GotoAsync("/cahier-de-textes");
            await paul.GetByRole(AriaRole.Link, new() { Name = "5e B — Français" }).ClickAsync();
            await Expect(paul.Locator("article.hw-entry", new() { HasText = french })).ToContainTextAsync("1/11 ont fait");
        }
    }

    /// <summary>Claire's reading for CE2 A for the next school day, and Paul's worksheet in his documents (the tests' city has no demo content).</summary>
    private async Task SetReadingForNextSchoolDayAsync(string reading, string worksheet)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var calendar = services.GetRequiredService<SchoolCalendar>();
        var next = calendar.NextSchoolDay(calendar.Today());
        var claire = await MeAsync(services, Personas.Claire);
        var books = services.GetRequiredService<ManageBooks>();
        var write = services.GetRequiredService<WriteDiary>();
        var diary = (await books.OpenAsync(claire, claire.Classes.First(c => c.Name == "CE2 A").Id, null, null, Ct)).Value!;
        Assert.True((await write.AddHomeworkAsync(claire, diary.Id, new HomeworkInput(null, next, HomeworkKind.Read, $"<p>{reading}</p>", 15), Ct)).Succeeded);
        var paul = await MeAsync(services, Personas.Paul);
        var pdf = DemoFiles.Pdf("Le passé simple", "Exercice 1 : conjuguer chanter au passé simple.");
        var stored = await services.GetRequiredService<UploadDocument>().UploadAsync(paul, DocFolder.Root, worksheet, "application/pdf", new MemoryStream(pdf), pdf.Length, null, Ct);
        Assert.True(stored.Succeeded, "Paul's worksheet is stored in his documents");
    }

    private static async Task<UserContext> MeAsync(IServiceProvider services, string login)
    {
        var db = services.GetRequiredService<PreauDbContext>();
        var id = await db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(Ct);
        return (await services.GetRequiredService<LoadUserContext>().LoadAsync(id, Ct))!;
    }
}
