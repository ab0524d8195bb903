using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Documents.Domain;
using Preau.Documents.Features.Comments;
using Preau.Documents.Features.Files;
using Preau.Platform.Demo;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;
using ColorScheme = Microsoft.Playwright.ColorScheme;

namespace Preau.BrowserTests.Documents;

/// <summary>
/// A document's page with a picture and with a PDF, in the inline viewer, with its versions and a
/// comment, at phone and desktop widths in both themes; and "shared with me" as a parent sees it.
/// </summary>
public sealed class DocumentPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Claire's picture and PDF (two versions), with a comment from Sophie, the PDF shared with her.</summary>
    private async Task<(Guid Picture, Guid Pdf)> DocumentsAsync(string tag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PreauDbContext>();
        var ids = await db.Users.Where(u => u.Login == Personas.Claire || u.Login == Personas.Sophie).ToDictionaryAsync(u => u.Login, u => u.Id, Ct);
        var users = services.GetRequiredService<LoadUserContext>();
        var claire = (await users.LoadAsync(ids[Personas.Claire], Ct))!;
        var sophie = (await users.LoadAsync(ids[Personas.Sophie], Ct))!;
        var upload = services.GetRequiredService<UploadDocument>();
        var picture = await upload.UploadAsync(claire, DocFolder.Root, $"Sortie au parc {tag}.png", "image/png", new MemoryStream(DemoFiles.Drawing()), null, null, Ct);
        var pdfBytes = DemoFiles.Pdf("Sortie au musée");
        var pdf = await upload.UploadAsync(claire, DocFolder.Root, $"Autorisation de sortie {tag}.pdf", "application/pdf", new MemoryStream(pdfBytes), pdfBytes.Length, null, Ct);
        var v2 = DemoFiles.Pdf("Sortie au musée", "Jeudi 14 h, devant l'école.");
        await services.GetRequiredService<Preau.Documents.Features.Versions.DocumentVersions>().UploadAsync(claire, pdf.Value!.Id, "application/pdf", new MemoryStream(v2), v2.Length, null, Ct);
        await services.GetRequiredService<Preau.Platform.Sharing.UpdateShares>().HandleAsync(claire.Id, "documents.file", pdf.Value.Id,
            [new Preau.Platform.Sharing.ShareChange(Preau.Platform.Sharing.PrincipalKind.User, sophie.Id, ["read"])], replace: true, Ct);
        await services.GetRequiredService<DocumentComments>().AddAsync(sophie, pdf.Value.Id, "Merci, c’est signé. Léa aura son pique-nique.", Ct);
        return (picture.Value!.Id, pdf.Value.Id);
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task A_picture_and_a_pdf_read_well_at_every_width(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var (picture, pdf) = await DocumentsAsync(name);
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Claire);

        await page.GotoAsync($"/documents/{picture}");
        await Expect(page.Locator("img.file-viewer-image")).ToBeVisibleAsync();
        Assert.True(await page.Locator("img.file-viewer-image").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 800"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Partager" })).ToBeVisibleAsync();
        await page.CheckAsync($"document-picture-{name}", width, output);

        await page.GotoAsync($"/documents/{pdf}");
        await Expect(page.Locator("iframe.file-viewer-pdf")).ToBeVisibleAsync();
        await Expect(page.Locator(".doc-versions tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".doc-comment-body")).ToHaveTextAsync("Merci, c’est signé. Léa aura son pique-nique.");
        await page.CheckAsync($"document-pdf-{name}", width, output);

        // What Sophie sees of it: shared with her, read only.
        await using var parent = await app.NewContextAsync(width, scheme);
        var sophie = await parent.NewPageAsync();
        await sophie.SignInAsync(Personas.Sophie);
        await sophie.GotoAsync("/documents/partages");
        await Expect(sophie.GetByRole(AriaRole.Link, new() { Name = $"Autorisation de sortie {name}.pdf" })).ToBeVisibleAsync();
        await sophie.CheckAsync($"documents-shared-{name}", width, output);
    }
}
