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

    private const string PickerPath = "/__tests/richtext/picker";

    private static readonly string[] ToolNames =
        ["Gras", "Italique", "Souligné", "Barré", "Titre", "Sous-titre", "Liste à puces", "Liste numérotée", "Citation", "Lien", "Effacer la mise en forme", "Image", "Annuler", "Rétablir"];

    /// <summary>What the tag helper writes for a module whose policy keeps recordings and that has a document picker.</summary>
    private const string MediaAndPicker = $"""
        data-media data-label-record="Enregistrer un son" data-label-stop-recording="Arrêter l’enregistrement"
        data-label-recording="Enregistrement en cours…" data-label-recording-name="enregistrement" data-label-recording-sending="Envoi de l’enregistrement…"
        data-label-recorded="Enregistrement ajouté." data-label-recording-failed="L’enregistrement n’a pas pu être envoyé."
        data-label-microphone-denied="Le micro n’est pas accessible." data-picker-url="{PickerPath}" data-label-document="Insérer un document"
        data-label-picker-title="Choisir dans mes documents" data-label-close="Fermer" data-label-picker-failed="Les documents n’ont pas pu être chargés."
        """;

    private static string Fixture(string scheme, string initial, string extra = "") => $$"""
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
                  data-label-uploaded="Image ajoutée." data-label-upload-failed="L’image n’a pas pu être envoyée."
                  data-label-strike="Barré" data-label-heading="Titre" data-label-subheading="Sous-titre" data-label-undo="Annuler" data-label-redo="Rétablir"
                  data-label-link-apply="Valider" data-label-link-remove="Retirer le lien" data-label-cancel="Annuler"
                  data-label-link-invalid="Une adresse commence par https://, http:// ou mailto:." {{extra}}>{{System.Net.WebUtility.HtmlEncode(initial)}}</textarea>
              </div>
              <button class="button" type="submit">Envoyer</button>
            </form>
          </main>
          <script src="/_content/Preau.Platform/lib/squire/squire.js" defer></script>
          <script src="/_content/Preau.Platform/js/richtext.js" defer></script>
        </body>
        </html>
        """;

    /// <summary>A page with the editor, under the site's Content-Security-Policy; what it breaks is collected.</summary>
    private static async Task<(IPage Page, List<string> Problems)> OpenAsync(
        IBrowserContext context, string scheme = "scheme-light", string initial = "", Func<IRoute, Task>? upload = null, string extra = "")
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
            Body = Fixture(scheme, initial, extra),
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
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rétablir" })).ToBeFocusedAsync();
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

        // Squire writes italic as <i> while editing; the textarea says <em>.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).Locator("i")).ToHaveTextAsync("Léa");
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

    [Fact]
    public async Task Headings_and_numbered_lists_come_from_the_toolbar_and_their_buttons_follow_the_caret()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context);
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        var heading = page.GetByRole(AriaRole.Button, new() { Name = "Titre", Exact = true });
        var numbers = page.GetByRole(AriaRole.Button, new() { Name = "Liste numérotée" });

        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Sortie au musée");
        await heading.ClickAsync();
        await Expect(heading).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(heading).ToHaveAttributeAsync("aria-pressed", "false");
        await numbers.ClickAsync();
        await page.Keyboard.TypeAsync("le car");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("le goûter");
        await Expect(numbers).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("<h2>Sortie au musée</h2><ol><li>le car</li><li>le goûter</li></ol>", await ValueAsync(page));

        // Back in the heading, its button is pressed again; a second press makes it a paragraph.
        await editor.Locator("h2").ClickAsync();
        await Expect(heading).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(numbers).ToHaveAttributeAsync("aria-pressed", "false");
        await heading.ClickAsync();
        Assert.StartsWith("<p>Sortie au musée</p><ol>", await ValueAsync(page), StringComparison.Ordinal);

        // Undo brings the heading back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        Assert.StartsWith("<h2>Sortie au musée</h2><ol>", await ValueAsync(page), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_link_dialog_refuses_a_script_address_links_the_selection_and_removes_the_link()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context);
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        var link = page.GetByRole(AriaRole.Button, new() { Name = "Lien" });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("le site");
        await page.Keyboard.PressAsync("Shift+Home");

        await link.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Lien" });
        var address = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Adresse du lien (https://…)" });
        await Expect(address).ToBeFocusedAsync();
        await Expect(address).ToHaveValueAsync("https://");
        await address.FillAsync("javascript:window.__xss = 1");
        await address.PressAsync("Enter");
        await Expect(dialog.GetByText("Une adresse commence par https://, http:// ou mailto:.")).ToBeVisibleAsync();
        await Expect(address).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog).ToBeVisibleAsync();

        await address.FillAsync("https://example.org/musee");
        await address.PressAsync("Enter");
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("<p><a href=\"https://example.org/musee\">le site</a></p>", await ValueAsync(page));
        await Expect(link).ToHaveAttributeAsync("aria-pressed", "true");

        // Ctrl+K in a link opens the dialog on its address, with Remove.
        await editor.Locator("a").ClickAsync();
        await page.Keyboard.PressAsync("Control+k");
        await Expect(address).ToHaveValueAsync("https://example.org/musee");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retirer le lien" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("<p>le site</p>", await ValueAsync(page));
        await Expect(editor).ToBeFocusedAsync();

        // Escape closes it and changes nothing.
        await link.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("<p>le site</p>", await ValueAsync(page));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_toolbar_keeps_its_place_in_the_tab_order_and_the_text_keeps_its_shortcuts()
    {
        await using var context = await app.NewContextAsync();
        var (page, _) = await OpenAsync(context);
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("mot");

        // From the text, Shift+Tab reaches the toolbar on its one tab stop; arrows move, Tab goes back to the text.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gras" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Image" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(editor).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Image" })).ToBeFocusedAsync();

        // Undo is not available before a change, then is; Ctrl+I and Ctrl+U work in the text.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Control+i");
        await page.Keyboard.TypeAsync(" penché");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Italique" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Annuler" })).ToHaveAttributeAsync("aria-disabled", "false");
        Assert.Equal("<p>mot<em> penché</em></p>", await ValueAsync(page));
        Assert.Equal("Control+B", await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).GetAttributeAsync("aria-keyshortcuts"));
    }

    [Fact]
    public async Task A_pasted_image_with_a_handler_runs_nothing_and_the_textarea_gets_only_the_allow_list()
    {
        await using var context = await app.NewContextAsync();
        var (page, _) = await OpenAsync(context);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
        const string paste = """
            async (html) => {
              const data = new DataTransfer();
              data.setData("text/html", html);
              data.setData("text/plain", "texte brut");
              document.querySelector(".richtext-area").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
              // Time for an image to fail and a handler to run, had any been kept.
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
            """;

        await page.EvaluateAsync(paste, "<p>avant <img src=x onerror=\"window.__xss = 1\"> après</p>");
        await page.EvaluateAsync(paste, "<p><img src=\"/messagerie/pieces/ok.png\" onerror=\"window.__xss = 2\" onload=\"window.__xss = 3\"><a href=\"https://example.org\" onmouseover=\"window.__xss = 4\">lien</a></p>");
        await page.EvaluateAsync(paste, "<svg><image href=x onerror=\"window.__xss = 5\"></image></svg><details open ontoggle=\"window.__xss = 6\"><summary>x</summary></details>");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).GetByRole(AriaRole.Link, new() { Name = "lien" }).HoverAsync();

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Equal(0, await page.Locator(".richtext-area [onerror], .richtext-area [onload], .richtext-area [onmouseover], .richtext-area svg, .richtext-area details").CountAsync());
        var value = await ValueAsync(page);
        Assert.Matches("^<p>avant +après<img src=\"/messagerie/pieces/ok.png\" alt=\"\"><a href=\"https://example.org\">lien</a>", value);
        // Every element and attribute of the posted markup is one the server keeps.
        var foreign = await page.EvaluateAsync<string[]>("""
            (html) => {
              const allowed = { p: [], br: [], strong: [], em: [], u: [], s: [], ul: [], ol: [], li: [], blockquote: [], h2: [], h3: [], a: ["href"], img: ["src", "alt"] };
              const body = new DOMParser().parseFromString(html, "text/html").body;
              return [...body.querySelectorAll("*")].flatMap((e) => !(e.localName in allowed) ? [e.localName]
                : [...e.attributes].filter((a) => !allowed[e.localName].includes(a.name)).map((a) => `${e.localName}@${a.name}`));
            }
            """, value);
        Assert.Empty(foreign);
    }

    [Fact]
    public async Task A_recording_is_sent_and_inserted_as_a_player_when_the_policy_keeps_media()
    {
        var requests = new ConcurrentQueue<string>();
        await using var context = await app.NewContextAsync();
        // The test machine has no microphone: a tone from an oscillator stands for one.
        await context.AddInitScriptAsync("""
            navigator.mediaDevices.getUserMedia = async () => {
              const audio = new AudioContext();
              const tone = audio.createOscillator();
              const out = audio.createMediaStreamDestination();
              tone.connect(out);
              tone.start();
              return out.stream;
            };
            """);
        var (page, problems) = await OpenAsync(context, extra: MediaAndPicker, upload: async route =>
        {
            requests.Enqueue(System.Text.Encoding.Latin1.GetString(route.Request.PostDataBuffer ?? []));
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(new { url = "/blog/media/rec-1" }),
            });
        });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
        await page.Keyboard.TypeAsync("Écoutez :");

        var record = page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer un son" });
        await record.ClickAsync();
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "Arrêter l’enregistrement" });
        await Expect(stop).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enregistrement en cours…");
        await page.WaitForTimeoutAsync(600);
        await stop.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enregistrement ajouté.");
        await Expect(record).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal("<p>Écoutez :</p><audio src=\"/blog/media/rec-1\" controls=\"\"></audio>", await ValueAsync(page));
        var body = Assert.Single(requests);
        Assert.Matches("name=\"file\"; filename=\"enregistrement\\.(webm|ogg|m4a)\"", body);
        Assert.Contains("Content-Type: audio/", body, StringComparison.Ordinal);
        // The player asks for /blog/media/rec-1, which this test page does not serve.
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_picked_come_in_as_a_video_a_picture_and_a_link()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await OpenAsync(context, extra: MediaAndPicker);
        await page.RouteAsync("**" + PickerPath + "*", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "application/json",
                Body = JsonSerializer.Serialize(new
                {
                    attached = new object[]
                    {
                        new { url = "/blog/media/sortie.mp4", name = "Sortie.mp4", type = "video/mp4" },
                        new { url = "/blog/media/plan.png", name = "Plan.png", type = "image/png" },
                        new { url = "/blog/media/documents/42", name = "Programme.pdf", type = "application/pdf" },
                        new { url = "https://evil.example/x.mp4", name = "Ailleurs", type = "video/mp4" },
                    },
                }),
            })
            : route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/html; charset=utf-8",
                Body = $"""
                    <form data-docpicker-choose method="post" action="{PickerPath}">
                      <input type="hidden" name="__csrf" value="{Token}">
                      <fieldset><legend>Mes documents</legend>
                        <label><input type="checkbox" name="documents" value="1"> Sortie.mp4</label>
                      </fieldset>
                      <button class="button" type="submit">Insérer</button>
                    </form>
                    """,
            }));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
        await page.Keyboard.TypeAsync("Voici");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer un document" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Choisir dans mes documents" });
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sortie.mp4" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(page.Locator(".richtext-area video")).ToHaveCountAsync(1);
        var value = await ValueAsync(page);
        Assert.Contains("<video src=\"/blog/media/sortie.mp4\" controls=\"\"></video>", value, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/blog/media/plan.png\" alt=\"\">", value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/blog/media/documents/42\">Programme.pdf</a>", value, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", value, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal) && !p.Contains("MEDIA_ERR", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Viewports.Phone, "scheme-light")]
    [InlineData(Viewports.Desktop, "scheme-dark")]
    public async Task The_link_dialog_passes_axe(int width, string scheme)
    {
        await using var context = await app.NewContextAsync(width);
        var (page, problems) = await OpenAsync(context, scheme, "<p>Rendez-vous <a href=\"https://example.org\">ici</a>.</p>");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).Locator("a").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lien" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Lien" })).ToBeVisibleAsync();

        await page.CheckAsync($"richtext-link-dialog-{width}-{scheme}", width, output);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(Viewports.Phone, "degree-1 scheme-light")]
    [InlineData(Viewports.Desktop, "degree-1 scheme-dark")]
    public async Task The_first_degree_toolbar_has_bigger_buttons_and_passes_axe(int width, string classes)
    {
        await using var context = await app.NewContextAsync(width);
        var (page, problems) = await OpenAsync(context, classes, "<p>Mon dessin</p>", extra: MediaAndPicker);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();

        var size = await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).BoundingBoxAsync();
        Assert.True(size is { Width: >= 56, Height: >= 56 }, $"{size?.Width} × {size?.Height}");
        await page.CheckAsync($"richtext-editor-{width}-{classes.Replace(' ', '-')}", width, output);
        Assert.Empty(problems);
    }

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
