using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// The document space with limits a test can reach: 8 KiB a file, three files a request,
/// teachers' storage quota at 20 KB.
/// </summary>
public abstract class DocumentsApp(DatabaseKind kind) : PreauApp(kind)
{
    public const int MaxFile = 8192;
    public const int MaxFiles = 3;
    public const int TeacherQuota = 20_000;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Documents:MaxFileBytes"] = MaxFile.ToString(CultureInfo.InvariantCulture);
            settings["Documents:MaxFilesPerUpload"] = MaxFiles.ToString(CultureInfo.InvariantCulture);
            settings["Storage:Quota:Teacher"] = TeacherQuota.ToString(CultureInfo.InvariantCulture);
            return settings;
        }
    }
}

public sealed class SqliteDocumentsApp() : DocumentsApp(DatabaseKind.Sqlite);

public sealed class PostgresDocumentsApp() : DocumentsApp(DatabaseKind.Postgres);

/// <summary>Calls the document space's use cases as a person of the demo city, each in its own scope as a request would.</summary>
internal static class DocumentsData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7 + seed) % 251))];

    /// <summary>Uploads with the length declared (the content's own unless told), or none when <paramref name="streamed"/> (as a multipart part).</summary>
    public static Task<Outcome<DocumentItem>> UploadAsync(this PreauApp app, UserContext me, Guid folderId, string name, byte[] content, long? declared = null, bool streamed = false) =>
        app.WithAsync<UploadDocument, Outcome<DocumentItem>>(u => u.UploadAsync(me, folderId, name, "application/pdf", new MemoryStream(content),
            streamed ? null : declared ?? content.Length, null, Ct));

    /// <summary>Uploads and asserts it was stored.</summary>
    public static async Task<DocumentItem> StoredAsync(this PreauApp app, UserContext me, Guid folderId, string name, byte[]? content = null)
    {
        var outcome = await app.UploadAsync(me, folderId, name, content ?? Bytes(100, 1));
        Assert.True(outcome.Succeeded, outcome.Errors is null ? "not found" : string.Join(", ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!;
    }

    public static async Task<long> UsedAsync(this PreauApp app, Guid userId) =>
        (await app.WithAsync<StorageQuota, StorageStatus?>(q => q.StatusAsync(userId, Ct)))?.UsedBytes ?? 0;

    public static Task<int?> RefsAsync(this PreauApp app, string key) => app.WithAsync<BlobRegistry, int?>(b => b.RefCountAsync(key, Ct));

    public static Task<string> KeyAsync(this PreauApp app, Guid documentId) =>
        app.WithDbAsync(db => db.Set<DocVersion>().Where(v => db.Set<DocDocument>().Any(d => d.Id == documentId && d.CurrentVersionId == v.Id)).Select(v => v.BlobKey).SingleAsync(Ct));

    public static Task<int> DocumentCountAsync(this PreauApp app, Guid ownerId) =>
        app.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.OwnerId == ownerId, Ct));

    /// <summary>A new folder of one's own at the top, so that a test's names meet no other test's.</summary>
    public static async Task<Guid> NewFolderAsync(this PreauApp app, UserContext me, string? name = null)
    {
        var created = await app.WithAsync<ManageFolders, Outcome<FolderItem>>(f => f.CreateAsync(me, DocFolder.Root, name ?? "Test " + Guid.NewGuid().ToString("N")[..8], Ct));
        Assert.True(created.Succeeded);
        return created.Value!.Id;
    }

    /// <summary>Gives back everything a person stored (a test that fills the quota leaves it as it found it).</summary>
    public static async Task DeleteAllAsync(this PreauApp app, UserContext me)
    {
        var ids = await app.WithDbAsync(db => db.Set<DocDocument>().Where(d => d.OwnerId == me.Id).Select(d => d.Id).ToListAsync(Ct));
        foreach (var id in ids)
        {
            await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.DeleteDocumentAsync(me, id, Ct));
        }
    }
}
