using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;

namespace Preau.Testing;

/// <summary>A note of the test-only module: a shareable resource held in memory.</summary>
public sealed record TestNote(Guid Id, string Title, Guid OwnerId);

/// <summary>
/// A tiny module that exists only in the tests, so that sharing can be exercised before any
/// product module owns shareable resources: notes kept in memory, declared as the shareable type
/// "tests.note" with the publish and comment rights, as a real module would in its AddX.
/// </summary>
public sealed class TestNotes
{
    public const string Type = "tests.note";

    private readonly ConcurrentDictionary<Guid, TestNote> _notes = new();

    public TestNote Add(string title, Guid ownerId)
    {
        var note = new TestNote(Guid.CreateVersion7(), title, ownerId);
        _notes[note.Id] = note;
        return note;
    }

    public void Delete(Guid id) => _notes.TryRemove(id, out _);

    internal TestNote? Find(Guid id) => _notes.GetValueOrDefault(id);
}

/// <summary>Marker for the test module's strings (TestNoteStrings.resx).</summary>
public sealed class TestNoteStrings;

internal sealed class TestNoteResolver(TestNotes notes) : IShareResolver
{
    public Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        Task.FromResult(notes.Find(resourceId) is { } note ? new ShareableResource(note.Title, note.OwnerId) : null);
}

public static class TestNotesModule
{
    /// <summary>The test module's feed type: "someone published a note", in the "tests" application.</summary>
    public const string NoteFeedType = "tests.note-published";

    public static IServiceCollection AddTestNotes(this IServiceCollection services)
    {
        services.AddSingleton<TestNotes>();
        services.AddShareableType<TestNoteResolver>(TestNotes.Type, typeof(TestNoteStrings), "Note", ShareRight.Publish, ShareRight.Comment);
        // A test event source for the feed until product modules publish their own.
        // Its defaults show the mechanism: parents get the day's summary by email, guests nothing, the others the feed.
        services.AddFeedType(new FeedType(NoteFeedType, "tests", "news", typeof(TestNoteStrings), "Feed.Label", "Feed.Text", "Feed.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Relative] = FeedChannel.Daily, [Profile.Guest] = FeedChannel.Never },
        });
        return services;
    }
}
