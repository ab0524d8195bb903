using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Feed;
using Preau.Platform.Flash;
using Profile = Preau.Platform.Kernel.Profile;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Admin;

/// <summary>
/// Flash banners at the top of a parent's pages, closed without a reload; the flash messages'
/// administration (list, form, preview); the moderation queue of Jules Ferry, where the
/// director removes a reported item. Every screen passes axe-core on a phone and a laptop,
/// light and dark, without scrolling sideways (screenshots in artifacts/screenshots/).
/// </summary>
public sealed class FlashAndModerationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Strike = "Grève jeudi : pas de cantine";
    private const string Maintenance = "ENT en maintenance mercredi 18 h";

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_banners_the_queue_and_the_flash_screens_have_no_serious_accessibility_violation(int width, ColorScheme scheme)
    {
        await SeedAsync();
        var suffix = $"{width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}";

        await using (var parent = await app.NewContextAsync(width, scheme))
        {
            var page = await parent.NewPageAsync();
            await page.SignInAsync(Personas.Sophie);
            var banners = page.GetByRole(AriaRole.Region, new() { Name = "Messages importants" });
            // Other tests of the class may have posted banners to parents too: look for these two.
            await Expect(banners.GetByRole(AriaRole.Alert).Filter(new() { HasText = Strike })).ToBeVisibleAsync();
            await Expect(banners.GetByRole(AriaRole.Status).Filter(new() { HasText = Maintenance })).ToBeVisibleAsync();
            await page.CheckAsync($"flash-banners-{suffix}", width);
        }

        await using var director = await app.NewContextAsync(width, scheme);
        var admin = await director.NewPageAsync();
        await admin.SignInAsync(Personas.Isabelle, app: app);
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Gérer École élémentaire Jules Ferry" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Signalements" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signalements");
        await Expect(admin.GetByText("Claire Martin a publié la note « Photos de la sortie »", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Il y a ma photo sans autorisation")).ToBeVisibleAsync();
        await admin.CheckAsync($"admin-reports-{suffix}", width);

        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Messages flash" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Messages flash");
        await admin.CheckAsync($"admin-flash-list-{suffix}", width);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Nouveau message" }).ClickAsync();
        await admin.GetByLabel("Titre *").FillAsync("Photo de classe mardi");
        await admin.GetByLabel("Texte *").FillAsync("Pensez à coiffer les enfants.\nLe photographe passe à 9 h.");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "Important" }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Aperçu", Level = 2 })).ToBeVisibleAsync();
        await Expect(admin.Locator(".flash.flash-important")).ToContainTextAsync("Photo de classe mardi");
        await admin.CheckAsync($"admin-flash-preview-{suffix}", width);
    }

    [Fact]
    public async Task A_parent_closes_a_banner_without_reloading_and_it_stays_closed()
    {
        await SeedAsync();
        await using var context = await app.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Marc);
        var banner = page.Locator("[data-flash]", new() { HasText = Maintenance });
        await Expect(banner).ToBeVisibleAsync();
        var url = page.Url;

        await banner.GetByRole(AriaRole.Button, new() { Name = "Fermer le message « " + Maintenance + " »" }).ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        Assert.Equal(url, page.Url);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-flash]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_director_posts_a_flash_message_and_removes_a_reported_item()
    {
        await SeedAsync();
        var eventId = await ReportedNoteAsync("Message à retirer", "Propos blessants");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);

        await page.GotoAsync("/admin/flash/new");
        await page.GetByLabel("Titre *").FillAsync("Kermesse samedi");
        await page.GetByLabel("Texte *").FillAsync("Rendez-vous à 10 h dans la cour.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Pour qui" }).GetByLabel("Élève").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Le message flash est publié." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Messages importants" })).ToContainTextAsync("Kermesse samedi");

        await page.GotoAsync($"/admin/structures/{await StructureAsync()}/signalements");
        var item = page.Locator(".report-item", new() { HasText = "Message à retirer" });
        await item.GetByRole(AriaRole.Button, new() { Name = "Retirer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "retiré" })).ToBeVisibleAsync();
        await Expect(page.Locator(".report-item", new() { HasText = "Message à retirer" })).ToHaveCountAsync(0);
        Assert.NotNull(await WithDbAsync(db => db.Set<FeedEvent>().Where(e => e.Id == eventId).Select(e => e.RemovedAt).SingleAsync()));
    }

    /// <summary>Two banners (an urgent one for the parents and teachers of two schools, and one for everyone) and a reported item; once per application.</summary>
    private async Task SeedAsync()
    {
        if (await WithDbAsync(db => db.Set<FlashMessage>().AnyAsync(m => m.TitleFr == Strike)))
        {
            return;
        }

        var now = app.Clock.GetUtcNow();
        await WithDbAsync(async db =>
        {
            var schools = await db.Structures.Where(s => s.Uai == "0751235B" || s.Uai == "0751236C").Select(s => s.Id).ToListAsync();
            var strike = Message(Strike, "Les enseignants sont en grève. La cantine et l’étude sont fermées ; merci de venir chercher vos enfants à 11 h 30.",
                FlashLevel.Urgent, FlashProfiles.Of([Profile.Relative, Profile.Teacher]), now);
            db.Add(strike);
            db.AddRange(schools.Select(s => new FlashTarget { MessageId = strike.Id, StructureId = s }));
            var maintenance = Message(Maintenance, "Préau sera indisponible de 18 h à 20 h pour une mise à jour.", FlashLevel.Information,
                FlashProfiles.Of(Enum.GetValues<Profile>()), now);
            maintenance.AllStructures = true;
            maintenance.TitleEn = "Préau down for maintenance on Wednesday, 6 pm";
            maintenance.TextEn = "Préau will be unavailable from 6 to 8 pm for an update.";
            db.Add(maintenance);
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<FlashCache>().Forget();
        await ReportedNoteAsync("Photos de la sortie", "Il y a ma photo sans autorisation");
    }

    private static FlashMessage Message(string title, string text, FlashLevel level, int profiles, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TitleFr = title,
        TextFr = text,
        Level = level,
        Profiles = profiles,
        StartsAt = now.AddMinutes(-5),
        EndsAt = now.AddDays(3),
        AuthorName = "Administration Préau",
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Claire's note to CE2 A, reported by Léa and by a parent of the class.</summary>
    private async Task<long> ReportedNoteAsync(string title, string reason)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var claire = await db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync();
        var lea = await db.Users.Where(u => u.Login == Personas.Lea).Select(u => u.Id).SingleAsync();
        var groups = await db.Groups.Where(g => g.ClassId != null && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A")
            && (g.Profile == Profile.Student || g.Profile == Profile.Relative)).Select(g => g.Id).ToListAsync();
        var published = await scope.ServiceProvider.GetRequiredService<FeedPublisher>().PublishAsync(
            new FeedNotice(TestNotesModule.NoteFeedType, claire, "tests.note:" + Guid.NewGuid(), "/tests/notes", new Dictionary<string, string> { ["title"] = title })
            {
                Groups = groups,
            });
        var reader = scope.ServiceProvider.GetRequiredService<FeedReader>();
        await reader.ReportAsync(lea, published.EventId, reason);
        var parent = await db.Set<FeedRecipient>().Where(r => r.EventId == published.EventId)
            .Join(db.Users.Where(u => u.Profile == Profile.Relative), r => r.UserId, u => u.Id, (r, u) => u.Id).FirstAsync();
        await reader.ReportAsync(parent, published.EventId, null);
        return published.EventId;
    }

    private Task<Guid> StructureAsync() => WithDbAsync(db => db.Structures.Where(s => s.Uai == "0751235B").Select(s => s.Id).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<PreauDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PreauDbContext>());
    }
}
