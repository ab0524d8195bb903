using Preau.Platform.Communication;
using Preau.Platform.Kernel;

namespace Preau.Messaging.Features.Compose;

/// <summary>
/// Search-as-you-type for the composer: the people and groups the communication rules let the
/// person write to, people with their class or school, groups with their member count.
/// </summary>
public sealed class RecipientSearch(VisibleSearch visible)
{
    public const int MinLength = 2;
    public const int PerKind = 8;

    /// <summary>One choice: <c>value</c> is what the form posts ("u:{id}" for a person, "g:{id}" for a group).</summary>
    public sealed record Choice(string Value, Guid Id, bool IsGroup, string Name, string Detail, int? Members);

    public sealed record Found(IReadOnlyList<Choice> People, IReadOnlyList<Choice> Groups);

    public async Task<Found> FindAsync(UserContext me, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var q = (text ?? "").Trim();
        if (q.Length < MinLength || q.Length > 100)
        {
            return new Found([], []);
        }

        var people = await visible.PeopleAsync(me.Id, new VisibleQuery(q, PageSize: PerKind), ct);
        var groups = await visible.GroupsAsync(me.Id, new VisibleQuery(q, PageSize: PerKind), ct);
        return new Found(
            [.. people.Items.Where(p => p.Id != me.Id).Select(p => new Choice(Value(p.Id, false), p.Id, false, p.DisplayName, Detail(p), null))],
            [.. groups.Items.Select(g => new Choice(Value(g.Id, true), g.Id, true, g.Label, g.StructureName, g.Members))]);
    }

    public static string Value(Guid id, bool isGroup) => (isGroup ? "g:" : "u:") + id.ToString("D");

    public static RecipientRef? Parse(string? value) =>
        value is { Length: > 2 } && (value[0] == 'u' || value[0] == 'g') && value[1] == ':' && Guid.TryParse(value.AsSpan(2), out var id)
            ? new RecipientRef(id, value[0] == 'g')
            : null;

    private static string Detail(VisiblePerson p) =>
        string.Join(" · ", p.Classes.Concat(p.Schools).Distinct(StringComparer.Ordinal).Take(3));
}
