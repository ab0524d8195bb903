using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Files;
using Preau.Platform.Kernel;

namespace Preau.Messaging.Features.Attachments;

/// <summary>
/// Attaches documents chosen in the platform's document picker ("Mes documents") to one's draft:
/// each is held by one more reference to its current content (no byte copied) and charged to the
/// sender's quota, within the same limits as an uploaded file (<see cref="AttachFile.AttachStoredAsync"/>).
/// A document the sender may not read, or not a draft of theirs, answers not found, with nothing attached.
/// </summary>
public sealed class AttachFromDocuments(AttachFile attachments, IServiceProvider services)
{
    /// <summary>The document space, when the application has one.</summary>
    public IDocumentSource? Source { get; } = services.GetService<IDocumentSource>();

    public async Task<Outcome<IReadOnlyList<Attached>>> AttachAsync(UserContext me, Guid draftId, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(documentIds);
        if (Source is null)
        {
            return Outcome.NotFound<IReadOnlyList<Attached>>();
        }

        // Every document is checked before anything is attached: one the sender may not read refuses them all.
        var picked = new List<PickedDocument>();
        foreach (var id in documentIds.Distinct())
        {
            if (await Source.ReferenceAsync(me, id, ct) is not { } document)
            {
                return Outcome.NotFound<IReadOnlyList<Attached>>();
            }

            picked.Add(document);
        }

        var attached = new List<Attached>();
        foreach (var document in picked)
        {
            var one = await attachments.AttachStoredAsync(me, draftId, document.BlobKey, document.Name, document.ContentType, document.Length, false, ct);
            if (!one.Succeeded)
            {
                return one.Found ? Outcome.Invalid<IReadOnlyList<Attached>>(one.Errors!) : Outcome.NotFound<IReadOnlyList<Attached>>();
            }

            attached.Add(one.Value!);
        }

        return attached;
    }
}
