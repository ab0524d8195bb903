using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preau.Platform.Demo;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Documents;

/// <summary>
/// The document space's acceptance, as the people do it: claire.martin makes a folder, uploads
/// three files into it with their progress bars, shares the folder with the pupils of her class
/// through the sharing dialog; lea.dubois, a pupil of that class, finds it in "Partagés avec moi"
/// and opens one of the files; sophie.dubois, a parent, sees nothing of it and is refused the
/// file's address.
/// </summary>
public sealed class ShareFolderWithClassTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Claire_uploads_three_files_shares_the_folder_with_her_class_lea_opens_one_and_sophie_sees_nothing()
    {
        var folder = "Classe verte " + Guid.NewGuid().ToString("N")[..6];

        // Claire: a folder, three files with their progress, then the folder shared with her class's pupils.
        var claireContext = await app.NewContextAsync(Viewports.Desktop, ColorScheme.Light);
        var claire = await claireContext.NewPageAsync();
        var problems = new List<string>();
        claire.PageError += (_, error) => problems.Add(error);
        await claire.SignInAsync(Personas.Claire, app: app);
        await claire.GotoAsync("/documents");
        await claire.Locator("summary", new() { HasText = "Nouveau dossier" }).ClickAsync();
        await claire.GetByLabel("Nom du dossier").FillAsync(folder);
        await claire.GetByRole(AriaRole.Button, new() { Name = "Créer", Exact = true }).ClickAsync();
        await claire.Locator("[data-docs-list] .docs-item-main", new() { HasText = folder }).ClickAsync();
        await Expect(claire).ToHaveTitleAsync(new Regex("^" + Regex.Escape(folder)));

        await claire.Locator("#docs-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "La mare.png", MimeType = "image/png", Buffer = DemoFiles.Drawing() },
            new FilePayload { Name = "Programme.pdf", MimeType = "application/pdf", Buffer = DemoFiles.Pdf("Classe verte", "Du 18 au 20 mai.") },
            new FilePayload { Name = "Liste du trousseau.txt", MimeType = "text/plain", Buffer = "Bottes, K-way, gourde."u8.ToArray() },
        });
        var lines = claire.Locator("[data-docs-upload-list] li");
        await Expect(lines).ToHaveCountAsync(3);
        var done = claire.Locator("[data-docs-upload-list] li[data-state=done]");
        await Expect(done).ToHaveCountAsync(3, new() { Timeout = 20000 });
        for (var i = 0; i < 3; i++)
        {
            await Expect(done.Nth(i).Locator("progress")).ToHaveJSPropertyAsync("value", 100);
        }

        var list = claire.Locator("[data-docs-list]");
        foreach (var name in new[] { "La mare.png", "Programme.pdf", "Liste du trousseau.txt" })
        {
            await Expect(list).ToContainTextAsync(name, new() { Timeout = 15000 });
        }

        await claire.CheckAsync("acceptance-claire-uploaded", Viewports.Desktop, output);
        var pictureHref = await list.Locator(".docs-item-main", new() { HasText = "La mare.png" }).GetAttributeAsync("href");
        Assert.NotNull(pictureHref);

        await claire.GotoAsync("/documents");
        var item = claire.Locator("[data-docs-item]", new() { Has = claire.Locator(".docs-item-name", new() { HasTextString = folder }) });
        await item.Locator(".docs-menu > summary").ClickAsync();
        await item.GetByRole(AriaRole.Link, new() { Name = "Partager" }).ClickAsync();
        await Expect(claire.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(folder);
        await claire.GetByLabel("Nom d’une personne, d’une classe ou d’un groupe").PressSequentiallyAsync("CE2", new() { Delay = 60 });
        await claire.GetByRole(AriaRole.Button, new() { Name = "Ajouter Élèves de CE2 A" }).ClickAsync();
        await Expect(claire.GetByRole(AriaRole.Status)).ToContainTextAsync("Ajouté avec le droit de lecture");
        await Expect(claire.GetByRole(AriaRole.Region, new() { Name = "Partagé avec" })).ToContainTextAsync("Élèves de CE2 A");
        await claire.CheckAsync("acceptance-claire-shared", Viewports.Desktop, output);
        Assert.Empty(problems);
        await claireContext.CloseAsync();

        // Léa, at a phone's width: the folder is in what is shared with her; she opens the picture.
        var leaContext = await app.NewContextAsync(Viewports.Phone, ColorScheme.Light);
        var lea = await leaContext.NewPageAsync();
        lea.PageError += (_, error) => problems.Add(error);
        await lea.SignInAsync(Personas.Lea, app: app);
        await lea.GotoAsync("/documents/partages");
        await lea.GetByRole(AriaRole.Link, new() { Name = folder }).ClickAsync();
        await Expect(lea).ToHaveTitleAsync(new Regex("^" + Regex.Escape(folder)));
        await lea.CheckAsync("acceptance-lea-folder", Viewports.Phone, output);
        await lea.GetByRole(AriaRole.Link, new() { Name = "La mare.png", Exact = true }).ClickAsync();
        await Expect(lea.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("La mare.png");
        var picture = lea.Locator("img.file-viewer-image, .file-viewer img").First;
        await Expect(picture).ToBeVisibleAsync();
        Assert.True(await picture.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the picture did not load for Léa");
        await lea.CheckAsync("acceptance-lea-picture", Viewports.Phone, output);
        Assert.Empty(problems);
        await leaContext.CloseAsync();

        // Sophie, a parent: nothing shared with her, and the picture's address is not found.
        var sophieContext = await app.NewContextAsync(Viewports.Desktop, ColorScheme.Dark);
        var sophie = await sophieContext.NewPageAsync();
        await sophie.SignInAsync(Personas.Sophie, app: app);
        await sophie.GotoAsync("/documents/partages");
        await Expect(sophie.Locator("main")).Not.ToContainTextAsync(folder);
        await sophie.CheckAsync("acceptance-sophie-shared", Viewports.Desktop, output);
        var refused = await sophie.GotoAsync(pictureHref!);
        Assert.Equal((int)HttpStatusCode.NotFound, refused!.Status);
        await Expect(sophie.Locator("main")).Not.ToContainTextAsync("La mare.png");
        await sophieContext.CloseAsync();
    }
}
