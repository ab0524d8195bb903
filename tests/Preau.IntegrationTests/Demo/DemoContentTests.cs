using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Sharing;
using Preau.IntegrationTests.Messaging;
using Preau.Messaging.Domain;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Demo;

/// <summary>
/// The demo city with its content, as the run command starts it: Claire's "Classe verte" folder
/// with its three files, shared with her class's pupils and parents (Léa and Sophie find it, Hugo's
/// classmates do not), her worksheets, Léa's drawing; Claire's message to the parents of CE2 A in
/// Sophie's inbox and feed, and Sophie's answer in the same thread in Claire's; Paul's worksheet
/// joined to his 5e B homework.
/// </summary>
public abstract class DemoContentTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<FolderListing?> ListAsync(Platform.Kernel.UserContext me, Guid folder) =>
        app.WithAsync<ListFolder, FolderListing?>(l => l.ListAsync(me, folder, DocumentSort.Name, false, null, 1, null, Ct));

    [Fact]
    public async Task Claire_s_folders_hold_their_files_and_the_trip_is_shared_with_her_class()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var root = (await ListAsync(claire, DocFolder.Root))!;
        Assert.Equal(["Classe verte", "Fiches de travail"], root.Folders.Select(f => f.Name));
        var trip = (await ListAsync(claire, root.Folders[0].Id))!;
        Assert.Equal(["La mare.png", "Liste du trousseau.txt", "Programme de la classe verte.pdf"], trip.Documents.Select(d => d.Name));
        Assert.Equal(["image/png", "text/plain", "application/pdf"], trip.Documents.Select(d => d.ContentType));

        foreach (var reader in new[] { Personas.Lea, Personas.Sophie })
        {
            var me = await app.MeAsync(reader);
            var shared = await app.WithAsync<SharedWithMe, IReadOnlyList<SharedItem>>(s => s.ListAsync(me, Ct));
            Assert.Contains(shared, i => i.IsFolder && i.Name == "Classe verte" && i.Right == "read");
        }

        var hugo = await app.MeAsync(Personas.Hugo);
        Assert.DoesNotContain(await app.WithAsync<SharedWithMe, IReadOnlyList<SharedItem>>(s => s.ListAsync(hugo, Ct)), i => i.Name == "Classe verte");
        var lea = await app.MeAsync(Personas.Lea);
        Assert.Equal(["Mon dessin de la mare.png"], (await ListAsync(lea, DocFolder.Root))!.Documents.Select(d => d.Name));
    }

    [Fact]
    public async Task Claire_s_message_reached_the_parents_and_sophie_s_answer_is_in_its_thread()
    {
        var ids = await app.WithDbAsync(db => db.Users.Where(u => u.Login == Personas.Claire || u.Login == Personas.Sophie).ToDictionaryAsync(u => u.Login, u => u.Id, Ct));
        var inbox = await app.WithDbAsync(db => db.Set<MailboxEntry>()
            .Where(e => e.FolderId == SystemFolders.Inbox && (e.UserId == ids[Personas.Sophie] || e.UserId == ids[Personas.Claire]))
            .Join(db.Set<Message>(), e => e.MessageId, m => m.Id, (e, m) => new { e.UserId, m.Subject, m.SenderId, m.ThreadId, m.Id })
            .ToListAsync(Ct));
        var toSophie = Assert.Single(inbox, e => e.UserId == ids[Personas.Sophie]);
        Assert.Equal(("Classe verte : réunion d’information jeudi", ids[Personas.Claire]), (toSophie.Subject, toSophie.SenderId));
        var toClaire = Assert.Single(inbox, e => e.UserId == ids[Personas.Claire]);
        Assert.Equal((ids[Personas.Sophie], toSophie.ThreadId), (toClaire.SenderId, toClaire.ThreadId));

        Assert.True(await app.WithDbAsync(db => db.Set<FeedRecipient>().AnyAsync(r => r.UserId == ids[Personas.Sophie] && r.App == Preau.Messaging.MessagingFeed.App, Ct)));
        Assert.True(await app.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.Id == toSophie.Id && m.RecipientCount > 10, Ct)) == 1,
            "Claire's message went to all the parents of CE2 A");
    }

    [Fact]
    public async Task Paul_s_homework_carries_his_worksheet_which_hugo_finds_in_his_list()
    {
        var hugo = await app.MeAsync(Personas.Hugo);
        var list = await app.WithAsync<Preau.Homework.Features.ToDo, Preau.Homework.Features.ToDoList>(t => t.ForPupilAsync(hugo, Ct));
        var worksheet = list.Days.SelectMany(d => d.Items).Single(i => i.Summary.StartsWith("Fiche d’exercices sur le passé simple", StringComparison.Ordinal));
        var file = Assert.Single(worksheet.Attachments);
        Assert.Equal(Preau.Documents.Demo.DocumentsDemo.WorksheetName, file.Name);
        var download = await app.WithAsync<Preau.Homework.Features.HomeworkAttachments, Preau.Homework.Features.HomeworkAttachments.Download?>(a => a.OpenAsync(hugo, file.Id, Ct));
        Assert.NotNull(download);
        await download.Content.DisposeAsync();
    }
}

/// <summary>The run command's settings: the demo city and its content.</summary>
public abstract class DemoContentApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Preau:DemoContent"] = "true";
            return settings;
        }
    }
}

public sealed class SqliteDemoContentApp() : DemoContentApp(DatabaseKind.Sqlite);

public sealed class PostgresDemoContentApp() : DemoContentApp(DatabaseKind.Postgres);

public sealed class SqliteDemoContentTests(SqliteDemoContentApp app) : DemoContentTests(app), IClassFixture<SqliteDemoContentApp>;

public sealed class PostgresDemoContentTests(PostgresDemoContentApp app) : DemoContentTests(app), IClassFixture<PostgresDemoContentApp>;
