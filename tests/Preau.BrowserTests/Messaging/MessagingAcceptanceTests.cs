using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Messaging.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// The messagerie's acceptance, as the people do it: Claire writes to the parents of her CE2 A
/// (the group chosen in the recipient search) with a file uploaded from the page; Sophie finds it
/// in her inbox, opens it, sees the file and replies; Claire sees the reply; Léa writes to her
/// teacher from the 1st-degree mailbox; Hugo looks for one of Léa's classmates in the recipient
/// search and through the API and finds no one. A screenshot, axe and no sideways scroll at each step.
/// </summary>
public sealed class MessagingAcceptanceTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    public async Task Claire_writes_to_her_class_s_parents_sophie_replies_lea_writes_hugo_finds_no_classmate_of_lea(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var subject = $"Sortie au musée jeudi ({name})";
        var fileName = $"liste-{name}.txt";

        // Claire writes to the parents of CE2 A, with a file.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var claire = await context.NewPageAsync();
            await claire.SignInAsync(Personas.Claire, app: app);
            await claire.GotoAsync("/messagerie/ecrire");
            await claire.Locator("#to-search").PressSequentiallyAsync("Parents de CE2", new() { Delay = 40 });
            await claire.GetByRole(AriaRole.Option, new() { Name = "Parents de CE2 A" }).ClickAsync();
            await Expect(claire.Locator("#to-chips")).ToContainTextAsync("Parents de CE2 A");
            await claire.Locator("#Subject").FillAsync(subject);
            await claire.Locator("#Body-editor").FillAsync("Bonjour, la sortie au musée a lieu jeudi. Voici la liste des affaires.");
            await claire.Locator("#compose-file-input").SetInputFilesAsync(new FilePayload
            {
                Name = fileName, MimeType = "text/plain", Buffer = "Goûter, casquette, gourde."u8.ToArray(),
            });
            await Expect(claire.Locator("#compose-files")).ToContainTextAsync(fileName);
            await Expect(claire.Locator("#compose-files .uploading")).ToHaveCountAsync(0);
            await claire.CheckAsync($"acceptance-claire-compose-{name}", width, output);
            await claire.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(claire).ToHaveURLAsync(new Regex("/messagerie/message/"));
            await Expect(claire.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await claire.CheckAsync($"acceptance-claire-sent-{name}", width, output);
        }

        // Sophie, a parent of CE2 A, reads it, sees the file, replies.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var sophie = await context.NewPageAsync();
            await sophie.SignInAsync(Personas.Sophie, app: app);
            await sophie.GotoAsync("/messagerie");
            var line = sophie.Locator(".mail-line", new() { HasText = subject });
            await Expect(line).ToContainTextAsync("Claire Martin");
            await sophie.CheckAsync($"acceptance-sophie-inbox-{name}", width, output);
            await line.Locator(".mail-line-link").ClickAsync();
            await Expect(sophie.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await Expect(sophie.GetByRole(AriaRole.Link, new() { Name = fileName })).ToBeVisibleAsync();
            await sophie.CheckAsync($"acceptance-sophie-read-{name}", width, output);
            await sophie.GetByRole(AriaRole.Link, new() { Name = "Répondre", Exact = true }).ClickAsync();
            await Expect(sophie.Locator("#to-chips")).ToContainTextAsync("Claire Martin");
            await sophie.Locator("#Body-editor").FillAsync($"Merci, Léa aura son goûter. ({name})");
            await sophie.CheckAsync($"acceptance-sophie-reply-{name}", width, output);
            await sophie.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(sophie).ToHaveURLAsync(new Regex("/messagerie/message/"));
        }

        // Claire sees Sophie's reply in her inbox.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var claire = await context.NewPageAsync();
            await claire.SignInAsync(Personas.Claire, app: app);
            await claire.GotoAsync("/messagerie");
            var reply = claire.Locator(".mail-line", new() { HasText = "Sophie Dubois" }).Filter(new() { HasText = subject });
            await Expect(reply).ToHaveCountAsync(1);
            await claire.CheckAsync($"acceptance-claire-inbox-{name}", width, output);
            await reply.Locator(".mail-line-link").ClickAsync();
            await Expect(claire.Locator("main")).ToContainTextAsync($"Merci, Léa aura son goûter. ({name})");
        }

        // Léa writes to her teacher from the 1st-degree mailbox (the messagerie sends her there).
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var lea = await context.NewPageAsync();
            await lea.SignInAsync(Personas.Lea, app: app);
            await lea.GotoAsync("/messagerie");
            await Expect(lea).ToHaveURLAsync(new Regex("/messagerie/facile$"));
            await lea.GetByRole(AriaRole.Link, new() { Name = "Écrire" }).ClickAsync();
            await lea.GetByRole(AriaRole.Checkbox, new() { Name = "Claire Martin" }).CheckAsync();
            await lea.CheckAsync($"acceptance-lea-pick-{name}", width, output);
            await lea.GetByRole(AriaRole.Button, new() { Name = "C’est bon" }).ClickAsync();
            await lea.GetByLabel("Ton message").FillAsync($"Maîtresse, j’ai fini mon dessin ! ({name})");
            await lea.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
            await Expect(lea.GetByRole(AriaRole.Status)).ToContainTextAsync("Ton message est parti");
            await lea.CheckAsync($"acceptance-lea-sent-{name}", width, output);
        }

        Assert.True(await InboxHoldsAsync(Personas.Claire, $"j’ai fini mon dessin ! ({name})"), "Léa's message reached Claire's inbox.");

        // Hugo (collège) looks for one of Léa's classmates: the search and the API give no one.
        var classmate = await ClassmateOfLeaAsync();
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var hugo = await context.NewPageAsync();
            await hugo.SignInAsync(Personas.Hugo, app: app);
            await hugo.GotoAsync("/messagerie");
            await Expect(hugo).Not.ToHaveURLAsync(new Regex("/facile"));
            await hugo.GotoAsync("/messagerie/ecrire");
            await hugo.Locator("#to-search").PressSequentiallyAsync(classmate.LastName, new() { Delay = 40 });
            await Expect(hugo.Locator("#to-list")).ToContainTextAsync("Personne ne correspond");
            await Expect(hugo.GetByRole(AriaRole.Option, new() { Name = classmate.DisplayName })).ToHaveCountAsync(0);
            await hugo.CheckAsync($"acceptance-hugo-search-{name}", width, output);

            foreach (var q in new[] { classmate.LastName, classmate.FirstName, $"{classmate.FirstName} {classmate.LastName}" })
            {
                var answer = await context.APIRequest.GetAsync($"/messagerie/destinataires?q={Uri.EscapeDataString(q)}");
                Assert.True(answer.Ok, $"The recipient search answers ({answer.Status}).");
                var json = await answer.TextAsync();
                Assert.DoesNotContain(classmate.Id.ToString(), json, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(classmate.LastName, json, StringComparison.Ordinal);
            }
        }
    }

    private async Task<bool> InboxHoldsAsync(string login, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var id = await db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(Ct);
        var ids = await db.Set<MailboxEntry>().Where(e => e.UserId == id && e.FolderId == SystemFolders.Inbox).Select(e => e.MessageId).ToListAsync(Ct);
        var bodies = await db.Set<Message>().Where(m => ids.Contains(m.Id)).Select(m => m.Body).ToListAsync(Ct);
        return bodies.Any(b => b.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>A pupil of CE2 A other than Léa, with a surname long enough to type.</summary>
    private async Task<User> ClassmateOfLeaAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.Users.AsNoTracking()
            .Where(u => u.Login != Personas.Lea && u.Profile == Preau.Platform.Kernel.Profile.Student && u.LastName.Length >= 4
                && db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A"))))
            .OrderBy(u => u.Id).FirstAsync(Ct);
    }
}
