using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// The messagerie's acceptance, as the people do it: Claire writes to the parents of her CE2 A
/// (the group chosen in the recipient search as she types) with a file uploaded from the page;
/// Sophie finds it in her inbox, reads it, opens the file and replies; Léa writes to her teacher
/// from the 1st-degree mailbox; Claire reads both; Hugo looks for one of Léa's classmates in the
/// recipient search and its endpoint and finds no one. At 390 and 1280 wide, light and dark: a
/// screenshot, axe and no sideways scroll at each screen.
/// </summary>
public sealed class MessagingAcceptanceTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Claire_writes_to_her_class_s_parents_sophie_replies_lea_writes_hugo_finds_no_classmate_of_lea(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var subject = $"Sortie au musée jeudi ({name})";
        var fileName = $"liste-{name}.txt";
        var fileText = $"Goûter, casquette, gourde. ({name})";
        var reply = $"Merci, Léa aura son goûter. ({name})";
        var drawing = $"Maîtresse, j’ai fini mon dessin ! ({name})";

        // Claire finds the parents of CE2 A as she types, chooses them, adds a file and sends.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var claire = await context.NewPageAsync();
            await claire.SignInAsync(Personas.Claire, app: app);
            await claire.GotoAsync("/messagerie/ecrire");
            await Expect(claire.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nouveau message");
            var to = claire.GetByRole(AriaRole.Combobox, new() { Name = "À" });
            await to.PressSequentiallyAsync("Parents de CE2", new() { Delay = 40 });
            var parents = claire.GetByRole(AriaRole.Option, new() { Name = "Parents de CE2 A" });
            await Expect(parents).ToBeVisibleAsync();
            await Expect(parents).ToContainTextAsync("membres");
            await claire.CheckAsync($"acceptance-claire-search-{name}", width, output);
            await parents.ClickAsync();
            await Expect(claire.Locator("#to-chips")).ToContainTextAsync("Parents de CE2 A");
            await Expect(to).ToHaveValueAsync("");
            await claire.Locator("#Subject").FillAsync(subject);
            await claire.Locator("#Body-editor").FillAsync("Bonjour, la sortie au musée a lieu jeudi. Voici la liste des affaires.");
            await claire.Locator("#compose-file-input").SetInputFilesAsync(new FilePayload
            {
                Name = fileName, MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(fileText),
            });
            await Expect(claire.GetByRole(AriaRole.Button, new() { Name = $"Retirer {fileName}" })).ToBeVisibleAsync();
            await Expect(claire.Locator("#compose-files .uploading")).ToHaveCountAsync(0);
            await claire.CheckAsync($"acceptance-claire-compose-{name}", width, output);
            await claire.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(claire).ToHaveURLAsync(new Regex("/messagerie/message/"));
            await Expect(claire.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await Expect(claire.Locator(".mail-meta")).ToContainTextAsync("Parents de CE2 A");
            await Expect(claire.GetByRole(AriaRole.Link, new() { Name = fileName })).ToBeVisibleAsync();
            await claire.CheckAsync($"acceptance-claire-sent-{name}", width, output);
        }

        // Sophie, a parent of CE2 A, finds it unread in her inbox, reads it, opens the file, replies.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var sophie = await context.NewPageAsync();
            await sophie.SignInAsync(Personas.Sophie, app: app);
            await sophie.GotoAsync("/messagerie");
            var line = sophie.Locator(".mail-line", new() { HasText = subject });
            await Expect(line).ToContainTextAsync("Claire Martin");
            await Expect(line).ToHaveClassAsync(new Regex(@"\bunread\b"));
            await sophie.CheckAsync($"acceptance-sophie-inbox-{name}", width, output);
            await line.Locator(".mail-line-link").ClickAsync();
            await Expect(sophie.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await Expect(sophie.Locator("main")).ToContainTextAsync("Voici la liste des affaires.");
            var file = sophie.GetByRole(AriaRole.Link, new() { Name = fileName });
            await Expect(file).ToBeVisibleAsync();
            await sophie.CheckAsync($"acceptance-sophie-read-{name}", width, output);
            var download = await sophie.RunAndWaitForDownloadAsync(() => file.ClickAsync());
            Assert.Equal(fileName, download.SuggestedFilename);
            Assert.Equal(fileText, await File.ReadAllTextAsync(await download.PathAsync(), Ct));
            await sophie.GetByRole(AriaRole.Link, new() { Name = "Répondre", Exact = true }).ClickAsync();
            await Expect(sophie.Locator("#to-chips")).ToContainTextAsync("Claire Martin");
            await Expect(sophie.Locator("#Subject")).ToHaveValueAsync(new Regex(Regex.Escape(subject) + "$"));
            await sophie.Locator("#Body-editor").FillAsync(reply);
            await sophie.CheckAsync($"acceptance-sophie-reply-{name}", width, output);
            await sophie.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(sophie).ToHaveURLAsync(new Regex("/messagerie/message/"));
            await Expect(sophie.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(subject);
            await Expect(sophie.Locator("main")).ToContainTextAsync(reply);
            await sophie.CheckAsync($"acceptance-sophie-sent-{name}", width, output);
        }

        // Léa writes to her teacher from the 1st-degree mailbox (the messagerie sends her there).
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var lea = await context.NewPageAsync();
            await lea.SignInAsync(Personas.Lea, app: app);
            await lea.GotoAsync("/messagerie");
            await Expect(lea).ToHaveURLAsync(new Regex("/messagerie/facile$"));
            var write = lea.GetByRole(AriaRole.Link, new() { Name = "Écrire" });
            await Expect(write).ToBeVisibleAsync();
            await lea.CheckAsync($"acceptance-lea-home-{name}", width, output);
            await write.ClickAsync();
            await Expect(lea.GetByRole(AriaRole.Heading, new() { Name = "À qui veux-tu écrire" })).ToBeVisibleAsync();
            var teacher = lea.GetByRole(AriaRole.Checkbox, new() { Name = "Claire Martin" });
            await teacher.CheckAsync();
            await Expect(teacher).ToBeCheckedAsync();
            await lea.CheckAsync($"acceptance-lea-pick-{name}", width, output);
            await lea.GetByRole(AriaRole.Button, new() { Name = "C’est bon" }).ClickAsync();
            await Expect(lea.Locator(".young-to")).ToContainTextAsync("Claire Martin");
            await lea.GetByLabel("Ton message").FillAsync(drawing);
            await lea.CheckAsync($"acceptance-lea-write-{name}", width, output);
            await lea.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
            await Expect(lea.GetByRole(AriaRole.Status)).ToContainTextAsync("Ton message est parti");
            await lea.CheckAsync($"acceptance-lea-sent-{name}", width, output);
        }

        // Claire finds Sophie's reply and Léa's message in her inbox, and reads them.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var claire = await context.NewPageAsync();
            await claire.SignInAsync(Personas.Claire, app: app);
            await claire.GotoAsync("/messagerie");
            var fromSophie = claire.Locator(".mail-line", new() { HasText = "Sophie Dubois" }).Filter(new() { HasText = subject });
            var fromLea = claire.Locator(".mail-line", new() { HasText = "Léa Dubois" }).Filter(new() { HasText = drawing });
            await Expect(fromSophie).ToHaveCountAsync(1);
            await Expect(fromLea).ToHaveCountAsync(1);
            await claire.CheckAsync($"acceptance-claire-inbox-{name}", width, output);
            await fromSophie.Locator(".mail-line-link").ClickAsync();
            await Expect(claire.Locator("main")).ToContainTextAsync(reply);
            await claire.CheckAsync($"acceptance-claire-reply-{name}", width, output);
            await claire.GotoAsync("/messagerie");
            await fromLea.Locator(".mail-line-link").ClickAsync();
            await Expect(claire.Locator("main")).ToContainTextAsync(drawing);
            await Expect(claire.Locator(".mail-meta")).ToContainTextAsync("Léa Dubois");
            await claire.CheckAsync($"acceptance-claire-from-lea-{name}", width, output);
        }

        // Hugo (collège) looks for one of Léa's classmates: the search and its endpoint give no one.
        var classmate = await ClassmateOfLeaAsync();
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var hugo = await context.NewPageAsync();
            await hugo.SignInAsync(Personas.Hugo, app: app);
            await hugo.GotoAsync("/messagerie");
            await Expect(hugo).Not.ToHaveURLAsync(new Regex("/facile"));
            await Expect(hugo.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Messagerie");
            await hugo.GotoAsync("/messagerie/ecrire");
            var to = hugo.GetByRole(AriaRole.Combobox, new() { Name = "À" });
            // The full name: the search finds people by the beginning of their name, and another pupil
            // Hugo may reach can share the surname alone.
            await to.PressSequentiallyAsync($"{classmate.FirstName} {classmate.LastName}", new() { Delay = 40 });
            await Expect(hugo.GetByRole(AriaRole.Status).Filter(new() { HasText = "Personne ne correspond" })).ToBeVisibleAsync();
            await Expect(hugo.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
            await hugo.CheckAsync($"acceptance-hugo-search-{name}", width, output);

            foreach (var q in new[] { classmate.LastName, classmate.FirstName, $"{classmate.FirstName} {classmate.LastName}" })
            {
                var answer = await context.APIRequest.GetAsync($"/messagerie/destinataires?q={Uri.EscapeDataString(q)}");
                Assert.True(answer.Ok, $"The recipient search answers ({answer.Status}).");
                var json = await answer.TextAsync();
                Assert.DoesNotContain(classmate.Id.ToString(), json, StringComparison.OrdinalIgnoreCase);
            }

            // The same search finds his own class: the empty answers above are the rules', not a broken search.
            var own = await context.APIRequest.GetAsync("/messagerie/destinataires?q=5e%20B");
            Assert.True(own.Ok, $"The recipient search answers ({own.Status}).");
            Assert.Contains("5e B", await own.TextAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A pupil of CE2 A other than Léa whose full name no one else bears (a pupil of 5e B may share
    /// the surname, and Hugo may rightly find that pupil).
    /// </summary>
    private async Task<User> ClassmateOfLeaAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.Users.AsNoTracking()
            .Where(u => u.Login != Personas.Lea && u.Profile == Preau.Platform.Kernel.Profile.Student
                && !db.Users.Any(o => o.Id != u.Id && o.FirstName == u.FirstName && o.LastName == u.LastName)
                && db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && db.Classes.Any(c => c.Id == g.ClassId && c.Name == "CE2 A"))))
            .OrderBy(u => u.Id).FirstAsync(Ct);
    }
}
