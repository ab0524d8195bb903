using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Preau.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.RichText;

/// <summary>
/// The rich-text editor (richtext.js) on a fixture page served on the application's origin with
/// the site's CSP, its real stylesheet and script: typing, the toolbar's names, states and
/// keyboard, images sent to the upload address, pastes, markup that must not run, and axe.
/// </summary>
public sealed class RichTextEditorTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string FixturePath = "/__tests/richtext";
    private const string UploadPath = "/__tests/richtext/upload";
    private const string Token = "jeton-de-test";

    private static readonly string[] ToolNames =
        ["Gras", "Italique", "Souligné", "Liste à puces", "Liste numérotée", "Citation", "Lien", "Effacer la mise en forme", "Image"];

    private static string Fixture(string scheme, string initial) => $$"""
        <!doctype html>
        <html lang="fr" class="{{scheme}}">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Éditeur de texte riche</title>
          <link rel="stylesheet" href="/_content/Preau.Platform/css/preau.css">
        </head>
        <body>
          <main id="main" class="container">
            <h1>Éditeur de texte riche</h1>
            <form method="post" action="{{FixturePath}}/post" class="card">
              <input type="hidden" name="__csrf" value="{{Token}}">
              <div class="field">
                <label for="Body">Message</label>
                <textarea id="Body" name="Body" rows="8" required data-richtext
                  data-label-toolbar="Mise en forme" data-label-bold="Gras" data-label-italic="Italique" data-label-underline="Souligné"
                  data-label-bullets="Liste à puces" data-label-numbers="Liste numérotée" data-label-link="Lien"
                  data-label-link-prompt="Adresse du lien (https://…)" data-label-quote="Citation" data-label-clear="Effacer la mise en forme"
                  data-upload-url="{{UploadPath}}" data-label-image="Image" data-label-uploading="Envoi de l’image…"
                  data-label-uploaded="Image ajoutée." data-label-upload-failed="L’image n’a pas pu être envoyée.">{{System.Net.WebUtility.HtmlEncode(initial)}}</textarea>
              </div>
              <button class="button" type="submit">Envoyer</button>
            </form>
          </main>
          <script src="/_content/Preau.Platform/js/richtext.js" defer></script>
        </body>
        </html>
        """;

    /// <summary>A page with the editor, under the site's Content-Security-Policy; what it breaks is collected.</summary>
    private static async Task<(IPage Page, List<string> Problems)> OpenAsync(
        IBrowserContext context, string scheme = "scheme-light", string initial = "", Func<IRoute, Task>? upload = null)
    {
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        await page.RouteAsync("**" + FixturePath, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = SecurityHeaders.ContentSecurityPolicy },
            Body = Fixture(scheme, initial),
        }));
        if (upload is not null) await page.RouteAsync("**" + UploadPath, upload);
        await page.GotoAsync(FixturePath);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeVisibleAsync();
        return (page, problems);
    }

    private static Task<string> ValueAsync(IPage page) => page.Locator("#Body").InputValueAsync();

    [Fact]
    public async Task Ctrl_B_while_typing_puts_strong_in_the_posted_html_and_tells_listeners()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context);
        await page.EvaluateAsync("() => { window.inputs = 0; document.getElementById('Body').addEventListener('input', () => window.inputs++); }");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        var bold = page.GetByRole(AriaRole.Button, new() { Name = "Gras" });

        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Bonjour ");
        await page.Keyboard.PressAsync("Control+b");
        await Expect(bold).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.TypeAsync("tout le monde");
        await page.Keyboard.PressAsync("Control+b");
        await Expect(bold).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Keyboard.TypeAsync(" !");

        // The space before "!" stays unbreakable, as French typography wants it.
        Assert.Equal("<p>Bonjour <strong>tout le monde</strong>&nbsp;!</p>", await ValueAsync(page));
        Assert.True(await page.EvaluateAsync<int>("() => window.inputs") > 0);
        await Expect(page.Locator("#Body")).ToBeHiddenAsync();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_toolbar_names_its_buttons_and_moves_with_the_arrow_keys()
    {
        await using var context = await app.NewContextAsync();
        var (page, _) = await OpenAsync(context);
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Mise en forme" });

        var buttons = toolbar.GetByRole(AriaRole.Button);
        await Expect(buttons).ToHaveCountAsync(ToolNames.Length);
        for (var i = 0; i < ToolNames.Length; i++)
        {
            await Expect(buttons.Nth(i)).ToHaveAccessibleNameAsync(ToolNames[i]);
        }

        // One tab stop for the whole toolbar: arrows go along and around, Home and End to the ends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Italique" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Image" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gras" })).ToBeFocusedAsync();
        Assert.Equal(1, await toolbar.Locator("button[tabindex='0']").CountAsync());

        // A list from the toolbar, its button pressed while the caret is in it.
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await editor.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Liste à puces" }).ClickAsync();
        await page.Keyboard.TypeAsync("pique-nique");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Liste à puces" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("<ul><li>pique-nique</li></ul>", await ValueAsync(page));
    }

    [Fact]
    public async Task A_picked_image_is_sent_with_the_form_token_and_inserted()
    {
        var requests = new ConcurrentQueue<(string? Token, string Body)>();
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context, upload: async route =>
        {
            var request = route.Request;
            requests.Enqueue((await request.HeaderValueAsync("x-csrf-token"), System.Text.Encoding.Latin1.GetString(request.PostDataBuffer ?? [])));
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "application/json",
                Body = JsonSerializer.Serialize(new { url = "/messagerie/pieces/4b1d.png" }),
            });
        });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
        await page.Keyboard.TypeAsync("Le plan :");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Image" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = Png });

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Image ajoutée.");
        Assert.Equal("<p>Le plan :<img src=\"/messagerie/pieces/4b1d.png\" alt=\"\"></p>", await ValueAsync(page));
        var (token, body) = Assert.Single(requests);
        Assert.Equal(Token, token);
        Assert.Contains("name=\"file\"; filename=\"plan.png\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"__csrf\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_upload_says_so_and_inserts_nothing()
    {
        await using var context = await app.NewContextAsync();
        var (page, _) = await OpenAsync(context, upload: route => route.FulfillAsync(new RouteFulfillOptions { Status = 500 }));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Image" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = Png });

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L’image n’a pas pu être envoyée.");
        Assert.Equal(string.Empty, await ValueAsync(page));
    }

    [Fact]
    public async Task Pastes_keep_simple_formatting_and_flatten_the_rest()
    {
        await using var context = await app.NewContextAsync();
        var (page, _) = await OpenAsync(context);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
        const string paste = """
            (html) => {
              const data = new DataTransfer();
              data.setData("text/html", html);
              data.setData("text/plain", "texte brut");
              document.querySelector(".richtext-area").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """;

        await page.EvaluateAsync(paste, "<meta charset='utf-8'><p>un <b>deux</b> <a href=\"https://example.org\">trois</a></p>");
        Assert.Equal("<p>un <strong>deux</strong> <a href=\"https://example.org\">trois</a></p>", await ValueAsync(page));

        await page.EvaluateAsync(paste, "<table><tr><td onclick=\"alert(1)\">cellule</td></tr></table>");
        var value = await ValueAsync(page);
        Assert.StartsWith("<p>un <strong>deux</strong> <a href=\"https://example.org\">trois</a>", value, StringComparison.Ordinal);
        Assert.Contains("texte brut", value, StringComparison.Ordinal);
        Assert.DoesNotContain("cellule", value, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_already_in_the_textarea_is_shown_cleaned_and_never_runs()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context,
            initial: "<p>Bonjour <em>Léa</em></p><img src=x onerror=\"window.pwned = true\"><script>window.pwned = true</script><a href=\"javascript:window.pwned = true\">lien</a>");

        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).Locator("em")).ToHaveTextAsync("Léa");
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.pwned"));
        Assert.Equal(0, await page.Locator(".richtext-area img, .richtext-area script, .richtext-area a").CountAsync());
        Assert.Equal("<p>Bonjour <em>Léa</em></p><p>lien</p>", await ValueAsync(page));
        // Parsing the markup makes Chromium report the handler the CSP would refuse (it never runs): nothing else.
        Assert.All(problems, p => Assert.StartsWith("Executing inline event handler violates", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Viewports.Phone, "scheme-light")]
    [InlineData(Viewports.Phone, "scheme-dark")]
    [InlineData(Viewports.Desktop, "scheme-light")]
    [InlineData(Viewports.Desktop, "scheme-dark")]
    public async Task The_editor_passes_axe_on_a_phone_and_a_desktop_in_both_themes(int width, string scheme)
    {
        await using var context = await app.NewContextAsync(width);
        var (page, problems) = await OpenAsync(context, scheme, "<h2>Sortie</h2><p>Rendez-vous à <strong>8 h 30</strong> devant l’école.</p><ul><li>pique-nique</li></ul><blockquote><p>Bonne journée</p></blockquote>");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();

        await page.CheckAsync($"richtext-editor-{width}-{scheme}", width, output);
        Assert.Empty(problems);
    }

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
