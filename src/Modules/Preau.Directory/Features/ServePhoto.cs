using Preau.Directory.Photos;
using Preau.Platform.Communication;

namespace Preau.Directory.Features;

/// <summary>A person's photo, for themselves and for those who reach them; null (404) for anyone else.</summary>
public sealed class ServePhoto(Reach reach, IPhotoStore store)
{
    public async Task<StoredPhoto?> HandleAsync(Guid viewerId, Guid userId, CancellationToken ct)
    {
        if (viewerId != userId && !await reach.CanReachAsync(viewerId, userId, ct))
        {
            return null;
        }

        return await store.GetAsync(userId, ct);
    }
}
