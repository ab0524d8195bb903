using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Documents;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// Folders nested, renamed and moved (never under themselves); documents renamed, moved, copied
/// (one more reference, no new content), trashed and restored (to their folder, or the root when
/// it is gone), deleted for good (references and room given back), the trash emptied; a folder
/// listed by name, date and size either way, by pages, and searched.
/// </summary>
public abstract class DocumentOrganizeTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Outcome<FolderItem>> CreateAsync(UserContext me, Guid parent, string name) =>
        app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.CreateAsync(me, parent, name, Ct));

    private Task<FolderListing?> ListAsync(UserContext me, Guid folder, DocumentSort sort = DocumentSort.Name, bool descending = false, string? search = null, int page = 1, int? size = null) =>
        app.WithAsync<ListFolder, FolderListing?>(l => l.ListAsync(me, folder, sort, descending, search, page, size, Ct));

    [Fact]
    public async Task Folders_nest_rename_and_move_but_never_under_themselves()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var top = await app.NewFolderAsync(claire);
        var maths = (await CreateAsync(claire, top, "Maths")).Value!;
        var geometry = (await CreateAsync(claire, maths.Id, "Géométrie")).Value!;
        var again = (await CreateAsync(claire, top, "Maths")).Value!;
        Assert.Equal("Maths (2)", again.Name);
        Assert.Equal(["Error.NameSlash"], (await CreateAsync(claire, top, "a/b")).Errors!["Name"]);

        var renamed = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.RenameAsync(claire, again.Id, "Français", Ct));
        Assert.Equal("Français", renamed.Value!.Name);
        var taken = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.RenameAsync(claire, again.Id, "Maths", Ct));
        Assert.Equal(["Error.NameTaken"], taken.Errors!["Name"]);

        foreach (var target in new[] { maths.Id, geometry.Id })
        {
            var cycle = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.MoveAsync(claire, maths.Id, target, Ct));
            Assert.Equal(["Error.MoveIntoItself"], cycle.Errors![ManageFolders.ParentField]);
        }

        var moved = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.MoveAsync(claire, geometry.Id, again.Id, Ct));
        Assert.Equal(again.Id, moved.Value!.ParentId);
        var listing = (await ListAsync(claire, geometry.Id))!;
        Assert.Equal([top, again.Id, geometry.Id], listing.Path.Select(p => p.Id));

        var tree = await app.WithAsync<ManageFolders, IReadOnlyList<FolderItem>>(f => f.TreeAsync(claire, Ct));
        Assert.True(tree.ToList().FindIndex(f => f.Id == again.Id) < tree.ToList().FindIndex(f => f.Id == geometry.Id));
    }

    [Fact]
    public async Task Documents_rename_move_and_copy_with_one_more_reference()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var a = await app.NewFolderAsync(claire);
        var b = await app.NewFolderAsync(claire);
        var doc = await app.StoredAsync(claire, a, "cours.pdf", DocumentsData.Bytes(400, 21));
        await app.StoredAsync(claire, b, "cours.pdf", DocumentsData.Bytes(10, 22));
        var key = await app.KeyAsync(doc.Id);
        var used = await app.UsedAsync(claire.Id);

        var renamed = await app.WithAsync<OrganizeDocuments, Outcome<DocumentItem>>(o => o.RenameAsync(claire, doc.Id, "leçon.pdf", Ct));
        Assert.Equal("leçon.pdf", renamed.Value!.Name);
        Assert.Equal(["Error.NameControl"], (await app.WithAsync<OrganizeDocuments, Outcome<DocumentItem>>(o => o.RenameAsync(claire, doc.Id, "x\u0000.pdf", Ct))).Errors!["Name"]);

        var copy = await app.WithAsync<OrganizeDocuments, Outcome<DocumentItem>>(o => o.CopyAsync(claire, doc.Id, b, Ct));
        Assert.True(copy.Succeeded);
        Assert.Equal(key, await app.KeyAsync(copy.Value!.Id));
        Assert.Equal(2, await app.RefsAsync(key));
        Assert.Equal(used + 400, await app.UsedAsync(claire.Id));

        await app.WithAsync<OrganizeDocuments, Outcome<DocumentItem>>(o => o.RenameAsync(claire, doc.Id, "cours.pdf", Ct));
        var moved = await app.WithAsync<OrganizeDocuments, Outcome<DocumentItem>>(o => o.MoveAsync(claire, doc.Id, b, Ct));
        Assert.Equal(b, moved.Value!.FolderId);
        Assert.Equal("cours (2).pdf", moved.Value.Name);
        Assert.Equal(["cours (2).pdf", "cours.pdf", "leçon.pdf"], (await ListAsync(claire, b))!.Documents.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Trashed_documents_come_back_to_their_folder_or_the_root_and_go_for_good_with_their_room()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var stays = await app.StoredAsync(claire, folder, "reste.pdf", DocumentsData.Bytes(120, 31));
        var orphan = await app.StoredAsync(claire, folder, "orphelin.pdf", DocumentsData.Bytes(130, 32));
        var inside = await app.StoredAsync(claire, folder, "dedans.pdf", DocumentsData.Bytes(140, 33));
        var used = await app.UsedAsync(claire.Id);

        Assert.True((await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashDocumentAsync(claire, stays.Id, Ct))).Succeeded);
        Assert.DoesNotContain((await ListAsync(claire, folder))!.Documents, d => d.Id == stays.Id);
        var restored = await app.WithAsync<DocumentTrash, Outcome<DocumentItem>>(t => t.RestoreDocumentAsync(claire, stays.Id, Ct));
        Assert.Equal(folder, restored.Value!.FolderId);

        // The folder goes to the trash (with "dedans"), then for good: "orphelin", trashed before, comes back to the root.
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashDocumentAsync(claire, orphan.Id, Ct));
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashFolderAsync(claire, folder, Ct));
        Assert.Null(await ListAsync(claire, folder));
        var trash = await app.WithAsync<DocumentTrash, TrashListing>(t => t.ListAsync(claire, Ct));
        Assert.Contains(trash.Folders, f => f.Id == folder);
        Assert.Contains(trash.Documents, d => d.Id == orphan.Id);
        Assert.True((await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.DeleteFolderAsync(claire, folder, Ct))).Succeeded);
        Assert.Equal(used - 120 - 140, await app.UsedAsync(claire.Id));

        var back = await app.WithAsync<DocumentTrash, Outcome<DocumentItem>>(t => t.RestoreDocumentAsync(claire, orphan.Id, Ct));
        Assert.Equal(DocFolder.Root, back.Value!.FolderId);
        Assert.Contains((await ListAsync(claire, DocFolder.Root))!.Documents, d => d.Id == orphan.Id);

        // Emptied: everything in the trash goes, with its room and its references.
        var key = await app.KeyAsync(orphan.Id);
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashDocumentAsync(claire, orphan.Id, Ct));
        Assert.True(await app.WithAsync<DocumentTrash, int>(t => t.EmptyAsync(claire, Ct)) >= 1);
        Assert.Empty((await app.WithAsync<DocumentTrash, TrashListing>(t => t.ListAsync(claire, Ct))).Documents);
        Assert.Equal(used - 120 - 140 - 130, await app.UsedAsync(claire.Id));
        Assert.Equal(0, await app.RefsAsync(key));
    }

    [Fact]
    public async Task A_restored_folder_whose_parent_is_gone_comes_back_at_the_root()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var parent = await app.NewFolderAsync(claire);
        var child = (await CreateAsync(claire, parent, "Enfant")).Value!;
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashFolderAsync(claire, child.Id, Ct));
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashFolderAsync(claire, parent, Ct));
        var restored = await app.WithAsync<DocumentTrash, Outcome<FolderItem>>(t => t.RestoreFolderAsync(claire, child.Id, Ct));
        Assert.Equal(DocFolder.Root, restored.Value!.ParentId);
    }

    [Fact]
    public async Task A_folder_lists_by_name_date_and_size_either_way_by_pages_and_searches_names()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var names = new[] { "banane.txt", "Abricot.txt", "école.txt", "Cerise.txt", "datte.txt" };
        for (var i = 0; i < names.Length; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.StoredAsync(claire, folder, names[i], DocumentsData.Bytes(10 * (names.Length - i), (byte)(40 + i)));
        }

        await CreateAsync(claire, folder, "Sous-dossier");
        var byName = (await ListAsync(claire, folder))!;
        Assert.Equal(["Abricot.txt", "banane.txt", "Cerise.txt", "datte.txt", "école.txt"], byName.Documents.Select(d => d.Name));
        Assert.Equal(["Sous-dossier"], byName.Folders.Select(f => f.Name));
        Assert.Equal(["école.txt", "datte.txt", "Cerise.txt", "banane.txt", "Abricot.txt"], (await ListAsync(claire, folder, descending: true))!.Documents.Select(d => d.Name));
        Assert.Equal(names.Reverse(), (await ListAsync(claire, folder, DocumentSort.Date, descending: true))!.Documents.Select(d => d.Name));
        Assert.Equal(names.Reverse(), (await ListAsync(claire, folder, DocumentSort.Size))!.Documents.Select(d => d.Name));

        var first = (await ListAsync(claire, folder, size: 2))!;
        var third = (await ListAsync(claire, folder, page: 3, size: 2))!;
        Assert.True(first.HasMore);
        Assert.False(third.HasMore);
        Assert.Equal(["Abricot.txt", "banane.txt"], first.Documents.Select(d => d.Name));
        Assert.Equal(["école.txt"], third.Documents.Select(d => d.Name));
        Assert.Empty(third.Folders);

        // Accents and case aside, across the space.
        var found = (await ListAsync(claire, DocFolder.Root, search: "ECOLE"))!;
        Assert.Contains(found.Documents, d => d.Name == "école.txt" && d.FolderId == folder);
    }

    [Fact]
    public async Task A_folder_of_thousands_lists_a_page_with_an_index_range()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var id = Guid.CreateVersion7(now.AddSeconds(i));
                var name = $"doc-{i:D5}.pdf";
                db.Add(new DocDocument
                {
                    Id = id, OwnerId = claire.Id, FolderId = folder, Name = name, SortName = name, Length = i, CurrentVersionId = Guid.NewGuid(),
                    VersionNumber = 1, CreatedAt = now, UpdatedAt = now.AddSeconds(i),
                });
            }

            await db.SaveChangesAsync(Ct);
        });

        app.Queries.Reset();
        var page = (await ListAsync(claire, folder, DocumentSort.Date, descending: true, page: 1, size: 50))!;
        Assert.Equal("doc-01999.pdf", page.Documents[0].Name);
        Assert.Equal(50, page.Documents.Count);
        var sql = app.Queries.Commands.Single(c => c.Contains("doc_documents", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("updated_at", sql, StringComparison.Ordinal);
        Assert.True(await PlanUsesIndexAsync(folder, claire.Id), "The listing reads an index range");
    }

    private Task<bool> PlanUsesIndexAsync(Guid folder, Guid owner) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        var sqlite = app.Kind == DatabaseKind.Sqlite;
        await db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE" : "ANALYZE doc_documents", Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ")
            + "SELECT * FROM doc_documents WHERE owner_id = @o AND folder_id = @f AND trashed_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 51";
        var o = command.CreateParameter();
        o.ParameterName = "@o";
        o.Value = sqlite ? owner.ToString().ToUpperInvariant() : owner;
        var f = command.CreateParameter();
        f.ParameterName = "@f";
        f.Value = sqlite ? folder.ToString().ToUpperInvariant() : folder;
        command.Parameters.Add(o);
        command.Parameters.Add(f);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
        }

        var text = string.Join("\n", plan);
        return text.Contains("ix_doc_documents_by_date", StringComparison.Ordinal) && !text.Contains("TEMP B-TREE", StringComparison.OrdinalIgnoreCase) && !text.Contains("Sort", StringComparison.Ordinal);
    });

    [Fact]
    public async Task A_folder_is_copied_whole_with_one_more_reference_per_document_or_not_at_all()
    {
        var claire = await app.MeAsync(Personas.Claire);
        await app.DeleteAllAsync(claire);
        var source = (await CreateAsync(claire, DocFolder.Root, "Sortie au musée")).Value!.Id;
        var photos = (await CreateAsync(claire, source, "Photos")).Value!.Id;
        var old = (await CreateAsync(claire, source, "Vieux")).Value!.Id;
        var plan = await app.StoredAsync(claire, source, "plan.pdf", DocumentsData.Bytes(1000, 41));
        var photo = await app.StoredAsync(claire, photos, "salle.pdf", DocumentsData.Bytes(1200, 42));
        var gone = await app.StoredAsync(claire, source, "brouillon.pdf", DocumentsData.Bytes(300, 43));
        await app.StoredAsync(claire, old, "ancien.pdf", DocumentsData.Bytes(500, 44));
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashDocumentAsync(claire, gone.Id, Ct));
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.TrashFolderAsync(claire, old, Ct));
        var target = await app.NewFolderAsync(claire);
        var used = await app.UsedAsync(claire.Id);
        Task<Outcome<FolderItem>> CopyAsync(Guid id, Guid to) => app.WithAsync<CopyFolder, Outcome<FolderItem>>(c => c.CopyAsync(claire, id, to, Ct));

        // What is in place is copied (not the trashed document, nor the trashed folder and what it holds).
        var copy = await CopyAsync(source, target);
        Assert.True(copy.Succeeded);
        Assert.Equal(("Sortie au musée", target), (copy.Value!.Name, copy.Value.ParentId));
        var top = (await ListAsync(claire, copy.Value.Id))!;
        Assert.Equal(["Photos"], top.Folders.Select(f => f.Name));
        Assert.Equal(["plan.pdf"], top.Documents.Select(d => d.Name));
        var inner = (await ListAsync(claire, top.Folders[0].Id))!;
        Assert.Equal(["salle.pdf"], inner.Documents.Select(d => d.Name));
        Assert.Equal(await app.KeyAsync(plan.Id), await app.KeyAsync(top.Documents[0].Id));
        Assert.Equal(2, await app.RefsAsync(await app.KeyAsync(photo.Id)));
        Assert.Equal(used + 1000 + 1200, await app.UsedAsync(claire.Id));

        // Again to the same place: a free name. Never into itself or under itself.
        Assert.Equal("Sortie au musée (2)", (await CopyAsync(source, target)).Value!.Name);
        foreach (var into in new[] { source, photos })
        {
            Assert.Equal(["Error.CopyIntoItself"], (await CopyAsync(source, into)).Errors![CopyFolder.Field]);
        }

        // Past the quota (20 KB for a teacher), nothing is written: no folder, no reference, no room taken.
        var big = (await CreateAsync(claire, DocFolder.Root, "Gros dossier")).Value!.Id;
        for (var i = 0; i < 2; i++)
        {
            await app.StoredAsync(claire, big, $"gros {i}.pdf", DocumentsData.Bytes(6000, (byte)(50 + i)));
        }

        var before = (await app.UsedAsync(claire.Id), await app.DocumentCountAsync(claire.Id), (await ListAsync(claire, target))!.Folders.Count);
        Assert.Equal([QuotaStore.QuotaFull], (await CopyAsync(big, target)).Errors![CopyFolder.Field]);
        Assert.Equal(before, (await app.UsedAsync(claire.Id), await app.DocumentCountAsync(claire.Id), (await ListAsync(claire, target))!.Folders.Count));
        Assert.Equal(1, await app.RefsAsync(await app.KeyAsync((await ListAsync(claire, big))!.Documents[0].Id)));

        // Over the copy limit, refused whole as well.
        var limited = await app.WithAsync<IServiceProvider, Outcome<FolderItem>>(sp => ActivatorUtilities.CreateInstance<CopyFolder>(sp, Options.Create(new DocumentsOptions { MaxCopiedDocuments = 1 }))
            .CopyAsync(claire, source, target, Ct));
        Assert.Equal(["Error.CopyTooLarge"], limited.Errors![CopyFolder.Field]);

        // Someone without a right on it, or copying into a folder not theirs, finds nothing.
        var sophie = await app.MeAsync(Personas.Sophie);
        Assert.False((await app.WithAsync<CopyFolder, Outcome<FolderItem>>(c => c.CopyAsync(sophie, source, DocFolder.Root, Ct))).Found);
        Assert.False((await CopyAsync(source, await app.NewFolderAsync(sophie))).Found);
        await app.DeleteAllAsync(claire);
    }

    [Fact]
    public async Task A_folder_shared_to_read_is_copied_into_the_readers_own_space_and_charged_to_them()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var shared = await app.NewFolderAsync(claire, "Règlement " + Guid.NewGuid().ToString("N")[..6]);
        var rules = await app.StoredAsync(claire, shared, "règlement.pdf", DocumentsData.Bytes(700, 61));
        var claireUsed = await app.UsedAsync(claire.Id);
        var sophieUsed = await app.UsedAsync(sophie.Id);
        var result = await app.WithAsync<UpdateShares, ShareUpdateResult>(u => u.AddReadersAsync(claire.Id, DocumentAccess.FolderType, shared, [new SharePrincipal(PrincipalKind.User, sophie.Id)], Ct));
        Assert.Equal(ShareUpdateStatus.Saved, result.Status);

        var copy = await app.WithAsync<CopyFolder, Outcome<FolderItem>>(c => c.CopyAsync(sophie, shared, DocFolder.Root, Ct));
        Assert.True(copy.Succeeded);
        var copied = Assert.Single((await ListAsync(sophie, copy.Value!.Id))!.Documents);
        Assert.Equal(await app.KeyAsync(rules.Id), await app.KeyAsync(copied.Id));
        Assert.Equal((claireUsed, sophieUsed + 700), (await app.UsedAsync(claire.Id), await app.UsedAsync(sophie.Id)));
        await app.DeleteAllAsync(sophie);
    }

    [Fact]
    public async Task A_contributor_adds_and_renames_folders_in_a_shared_folder_and_sees_no_name_above_it()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var lea = await app.MeAsync(Personas.Lea);
        var personal = await app.NewFolderAsync(claire, "Privé " + Guid.NewGuid().ToString("N")[..6]);
        var shared = (await CreateAsync(claire, personal, "Kermesse")).Value!.Id;
        await app.WithAsync<UpdateShares, ShareUpdateResult>(u => u.HandleAsync(claire.Id, DocumentAccess.FolderType, shared,
            [new ShareChange(PrincipalKind.User, sophie.Id, ["contrib"]), new ShareChange(PrincipalKind.User, lea.Id, ["read"])], replace: true, Ct));

        // Sophie contributes: a subfolder (Claire's, in Claire's tree), renamed; the listing says she may.
        var made = await CreateAsync(sophie, shared, "Photos du stand");
        Assert.True(made.Succeeded);
        Assert.Equal(claire.Id, await app.WithDbAsync(db => db.Set<DocFolder>().Where(f => f.Id == made.Value!.Id).Select(f => f.OwnerId).SingleAsync(Ct)));
        var renamed = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.RenameAsync(sophie, made.Value!.Id, "Photos", Ct));
        Assert.Equal("Photos", renamed.Value!.Name);
        var seen = (await ListAsync(sophie, shared))!;
        Assert.True(seen.CanContribute);
        Assert.Equal(["Kermesse"], seen.Path.Select(p => p.Name));
        Assert.Equal(["Kermesse", "Photos"], (await ListAsync(sophie, made.Value!.Id))!.Path.Select(p => p.Name));
        Assert.Equal(2, (await ListAsync(claire, made.Value!.Id))!.Path.Count(p => p.Name is "Kermesse" or "Photos"));
        Assert.Contains((await ListAsync(claire, made.Value!.Id))!.Path, p => p.Id == personal);

        // Léa reads only: she may not add or rename, and the listing says so. Neither may move it.
        Assert.False((await ListAsync(lea, shared))!.CanContribute);
        Assert.False((await CreateAsync(lea, shared, "Mon dossier")).Found);
        Assert.False((await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.RenameAsync(lea, made.Value!.Id, "À moi", Ct))).Found);
        Assert.False((await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.MoveAsync(sophie, made.Value!.Id, shared, Ct))).Found);
        Assert.False((await CreateAsync(sophie, personal, "Au-dessus")).Found);
    }
}

public sealed class SqliteDocumentOrganizeTests(SqliteDocumentsApp app) : DocumentOrganizeTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentOrganizeTests(PostgresDocumentsApp app) : DocumentOrganizeTests(app), IClassFixture<PostgresDocumentsApp>;
