using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Directory.Features;
using ColorScheme = Microsoft.Playwright.ColorScheme;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// The director's messaging safety pages at Jules Ferry: the sending rules (pupils quiet from
/// 20:00 to 07:00, saved from the form) and the moderation queue with a reported message and a
/// mass-send alert. Both pass axe-core on a phone and a laptop, light and dark, without scrolling
/// sideways (screenshots in artifacts/screenshots/).
/// </summary>
public sealed class SafetyPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Subject = "Tu vas voir demain";

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_rules_and_the_queue_have_no_serious_accessibility_violation(int width, ColorScheme scheme)
    {
        await SeedAsync();
        var suffix = $"{width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}";
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);
        var school = await StructureAsync();

        await page.GotoAsync($"/admin/structures/{school}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Messagerie", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Messagerie — règles d’envoi");
        var pupils = page.GetByRole(AriaRole.Group, new() { Name = "Élèves" });
        await pupils.GetByLabel("Pas d’envoi de").FillAsync("20:00");
        await pupils.GetByLabel("à", new() { Exact = true }).FillAsync("07:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les règles" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les règles d’envoi sont enregistrées.");
        await Expect(pupils).ToContainTextAsync("Les élèves ne pourront pas envoyer de message entre 20:00 et 07:00. Ils pourront toujours lire.");
        await page.CheckAsync($"messaging-rules-{suffix}", width);

        await page.GetByRole(AriaRole.Link, new() { Name = "Messagerie — signalements" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Messagerie — signalements");
        var item = page.Locator(".report-item", new() { HasText = Subject });
        await Expect(item).ToContainTextAsync("Il me menace");
        await Expect(item.Locator(".message-body strong")).ToHaveTextAsync("demain");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Claire Martin");
        await page.CheckAsync($"messaging-queue-{suffix}", width);
    }

    [Fact]
    public async Task The_director_removes_a_reported_message_and_marks_an_alert_as_seen()
    {
        await SeedAsync();
        var id = await ReportedAsync("À retirer du navigateur");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);
        await page.GotoAsync($"/admin/structures/{await StructureAsync()}/messagerie/signalements");

        await page.Locator(".report-item", new() { HasText = "À retirer du navigateur" }).GetByRole(AriaRole.Button, new() { Name = "Retirer le message" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le message est retiré de toutes les boîtes.");
        await Expect(page.Locator(".report-item", new() { HasText = "À retirer du navigateur" })).ToHaveCountAsync(0);
        Assert.Equal(MessageState.Recalled, await WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.State).SingleAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Vu" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L’alerte est marquée comme vue.");
        Assert.True(await WithDbAsync(db => db.Set<MassSendAlert>().AnyAsync(a => a.AcknowledgedAt != null)));
    }

    /// <summary>A message from Claire reported by Sophie, and a mass-send alert; once per application.</summary>
    private async Task SeedAsync()
    {
        if (await WithDbAsync(db => db.Set<Message>().AnyAsync(m => m.Subject == Subject)))
        {
            return;
        }

        var id = await ReportedAsync(Subject);
        var school = await StructureAsync();
        var claire = await WithDbAsync(db => db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync());
        await WithDbAsync(async db =>
        {
            db.Add(new MassSendAlert { Id = Guid.CreateVersion7(), SenderId = claire, StructureId = school, MessageId = id, Recipients = 240, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> ReportedAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PreauDbContext>();
        var users = services.GetRequiredService<LoadUserContext>();
        var claire = (await users.LoadAsync(await db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync()))!;
        var sophie = (await users.LoadAsync(await db.Users.Where(u => u.Login == Personas.Sophie).Select(u => u.Id).SingleAsync()))!;
        var draft = await services.GetRequiredService<SaveDraft>().CreateAsync(claire,
            new DraftContent([new RecipientRef(sophie.Id, false)], [], [], subject, "<p>Attention à toi <strong>demain</strong>.</p>"), null, default);
        var sent = await services.GetRequiredService<SendMessage>().NowAsync(claire, draft.Value!.Id, default);
        Assert.True(sent.Succeeded);
        Assert.True((await services.GetRequiredService<ReportMessage>().HandleAsync(sophie, draft.Value.Id, "Il me menace", default)).Succeeded);
        return draft.Value.Id;
    }

    private Task<Guid> StructureAsync() => WithDbAsync(db => db.Structures.Where(s => s.Uai == "0751235B").Select(s => s.Id).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<PreauDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PreauDbContext>());
    }
}
