using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Sharing;
using Preau.Testing;

namespace Preau.IntegrationTests.Sharing;

/// <summary>Notes of the test-only module and the sharing services, each call in a scope of its own as a request would.</summary>
internal static class SharingData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TestNote NoteOf(this PreauApp app, Guid ownerId, string title = "Sortie au musée") =>
        app.Services.GetRequiredService<TestNotes>().Add(title, ownerId);

    public static async Task<T> WithSharingAsync<T, TService>(this PreauApp app, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<bool> HasRightAsync(this PreauApp app, Guid userId, TestNote note, string right = "read") =>
        app.WithSharingAsync<bool, Shares>(s => s.HasRightAsync(userId, TestNotes.Type, note.Id, right, ct: Ct));

    public static Task<ShareUpdateResult> UpdateAsync(this PreauApp app, Guid actorId, TestNote note, bool replace, params ShareChange[] changes) =>
        app.WithSharingAsync<ShareUpdateResult, UpdateShares>(u => u.HandleAsync(actorId, TestNotes.Type, note.Id, changes, replace, Ct));

    public static Task<ShareSheet?> SheetAsync(this PreauApp app, Guid viewerId, TestNote note) =>
        app.WithSharingAsync<ShareSheet?, ViewShares>(v => v.HandleAsync(viewerId, TestNotes.Type, note.Id, Ct));

    public static ShareChange User(Guid id, params string[] rights) => new(PrincipalKind.User, id, rights);

    public static ShareChange Group(Guid id, params string[] rights) => new(PrincipalKind.Group, id, rights);
}
