using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Preau.Platform.Hosting;
using Preau.Testing;

namespace Preau.IntegrationTests.Recovery;

/// <summary>Without an SMTP server configured, messages are written as .eml files to {DataPath}/mail/.</summary>
public abstract class PickupFolderTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_embedded_default_writes_each_message_as_an_eml_file()
    {
        var folder = Path.Combine(app.Services.GetRequiredService<IOptions<PreauOptions>>().Value.FullDataPath, "mail");

        var response = await app.CreateBrowserlikeClient().PostFormAsync("/login/forgot-login", [("Email", "sophie.dubois@example.fr")], "/login/forgot-login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        string? file = null;
        for (var i = 0; i < 200 && file is null; i++)
        {
            file = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml").FirstOrDefault() : null;
            if (file is null)
            {
                await Task.Delay(50, _ct);
            }
        }

        Assert.NotNull(file);
        var message = await MimeMessage.LoadAsync(file, _ct);
        Assert.Equal("sophie.dubois@example.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("sophie.dubois", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("sophie.dubois", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_changes_their_password_and_their_other_sessions_end()
    {
        const string newPassword = "trois pommes sur la table";
        var other = await app.SignedInClientAsync(Personas.Karim);
        var client = await app.SignedInClientAsync(Personas.Karim);

        var wrong = await client.PostFormAsync("/account?handler=Password", [("current", "not-it"), ("password", newPassword), ("confirmation", newPassword)], "/account");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Le mot de passe actuel est incorrect.", (await Html.ReadAsync(wrong)).TextOf("#password-error"));

        var mismatch = await client.PostFormAsync("/account?handler=Password", [("current", PreauApp.Password), ("password", newPassword), ("confirmation", newPassword + "!")], "/account");
        Assert.Contains("Les deux saisies sont identiques", (await Html.ReadAsync(mismatch)).TextOf("#password-rules li.broken[data-rule='Confirmation']"), StringComparison.Ordinal);

        var done = await client.PostFormAsync("/account?handler=Password", [("current", PreauApp.Password), ("password", newPassword), ("confirmation", newPassword)], "/account");
        Assert.Equal("/account?done=password#security", done.RedirectTarget());
        Assert.Contains("Votre mot de passe est changé", (await client.GetPageAsync("/account?done=password")).TextOf("#security-status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account", _ct)).StatusCode);
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, newPassword)).RedirectTarget());
        var karim = await app.UserAsync(Personas.Karim);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "password.change" && a.TargetUserId == karim.Id, _ct)));
    }
}

public sealed class SqlitePickupFolderTests(SqliteApp app) : PickupFolderTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPickupFolderTests(PostgresApp app) : PickupFolderTests(app), IClassFixture<PostgresApp>;
