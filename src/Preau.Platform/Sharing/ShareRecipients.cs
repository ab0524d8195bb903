using Preau.Platform.Communication;

namespace Preau.Platform.Sharing;

/// <summary>People and groups one may share with, found by name for the dialog's search box.</summary>
public sealed record RecipientResults(IReadOnlyList<VisibleGroup> Groups, IReadOnlyList<VisiblePerson> People);

/// <summary>The share dialog's search: the visible set, through <see cref="VisibleSearch"/>, a few of each.</summary>
public sealed class ShareRecipients(VisibleSearch search)
{
    public const int Each = 8;

    public async Task<RecipientResults> SearchAsync(Guid userId, string? text, CancellationToken ct)
    {
        var query = new VisibleQuery((text ?? "").Trim(), PageSize: Each);
        var groups = await search.GroupsAsync(userId, query, ct);
        var people = await search.PeopleAsync(userId, query, ct);
        return new RecipientResults(groups.Items, people.Items);
    }
}
