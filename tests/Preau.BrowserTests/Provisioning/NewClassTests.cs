using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Provisioning;

/// <summary>
/// The rentrée, end to end: the director imports her new CM1 class with its parents from the
/// school's export, prints the connection sheets, and a parent activates their account with the
/// code on their sheet, then signs in with the password they chose.
/// </summary>
public sealed partial class NewClassTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ParentLogin = "nathalie.lemaire";
    private const string ParentPassword = "les crayons de Emma";

    [Fact]
    public async Task The_director_imports_a_new_class_prints_its_sheets_and_a_parent_activates_with_the_code()
    {
        await using var context = await app.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);

        // From the launcher to the school's import page, as she would go.
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "École élémentaire Jules Ferry" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Jules Ferry");

        // Upload: a pupils file whose "responsable" columns create the parents.
        await page.GetByLabel("Élèves").CheckAsync();
        await page.GetByLabel("Fichier CSV").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "cm1-with-parents.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lire le fichier" }).ClickAsync();

        // Mapping: the French headers are recognised; she goes on to the preview.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez les colonnes" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "import-mapping-1280-light");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();

        // Preview: 25 pupils and 42 parents created, the class CM1 B created, nothing rejected.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu de l'import" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "67 comptes créés" })).ToBeVisibleAsync();
        await Expect(page.GetByText("CM1 B").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = LinesRejected() })).ToHaveCountAsync(0);
        var detach = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = DetachChoice() });
        if (await detach.CountAsync() > 0)
        {
            // The file covers one class: the rest of the school must stay.
            await Expect(detach).Not.ToBeCheckedAsync();
        }

        await Screenshots.SaveAsync(page, "import-preview-1280-light");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer l'import" }).ClickAsync();

        // Progress, then the result with the class's sheets.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultat de l'import" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("L'import est appliqué.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "import-result-1280-light");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fiches de la classe CM1 B" }).ClickAsync();

        // Sheets: pupils and parents of CM1 B, only accounts still to activate.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Fiches de connexion");
        await Expect(page.GetByText("nouveaux codes").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sheets-class-1280-light");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Imprimer (PDF)" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(67, await Poppler.PageCountAsync(pdf));
        var parentSheet = (await Poppler.PagesAsync(pdf)).Single(p => p.Contains(ParentLogin, StringComparison.Ordinal));
        Assert.Contains("Emma", parentSheet, StringComparison.Ordinal); // her child is on her sheet
        var code = Poppler.CodeOf(parentSheet, ParentLogin);

        // The parent, at home, with the sheet: a fresh browser, the code typed as a password.
        await using var home = await app.NewContextAsync(Viewports.Phone);
        var parent = await home.NewPageAsync();
        await parent.GotoAsync("/login");
        await parent.GetByLabel("Identifiant ou adresse e-mail").FillAsync(ParentLogin);
        await parent.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(code);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(parent).ToHaveURLAsync(ActivateUrl());
        await Expect(parent.GetByText("Étape 2 sur 2")).ToBeVisibleAsync();
        await parent.GetByLabel("Nouveau mot de passe").FillAsync(ParentPassword);
        await parent.GetByLabel("Confirmez le mot de passe").FillAsync(ParentPassword);
        await parent.GetByRole(AriaRole.Checkbox, new() { NameRegex = AcceptCharter() }).CheckAsync();
        await Screenshots.SaveAsync(parent, "activate-parent-390-light");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Expect(parent).ToHaveURLAsync(Shell.HomeUrl());
        await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Nathalie\u202F!");

        // Signed out, the sheet's code no longer opens the account; the chosen password does.
        await parent.OpenProfileMenuAsync("Menu de Nathalie Lemaire");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await parent.GetByLabel("Identifiant ou adresse e-mail").FillAsync(ParentLogin);
        await parent.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(code);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(parent.GetByRole(AriaRole.Alert)).ToContainTextAsync("Identifiant ou mot de passe incorrect");

        await parent.SignInAsync(ParentLogin, ParentPassword);
        await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Nathalie\u202F!");
    }

    [GeneratedRegex("lignes rejetées")]
    private static partial Regex LinesRejected();

    [GeneratedRegex("^Détacher les")]
    private static partial Regex DetachChoice();

    [GeneratedRegex("J’ai lu la charte")]
    private static partial Regex AcceptCharter();

    [GeneratedRegex(@"/activate$")]
    private static partial Regex ActivateUrl();
}
