using Microsoft.AspNetCore.WebUtilities;
using Preau.Messaging.Domain;

namespace Preau.Messaging.Features.Mailbox;

/// <summary>The mailbox's addresses: the inbox at /messagerie, any other folder at /messagerie/dossier/{slug or id}.</summary>
public static class MailboxLinks
{
    public const string Home = "/messagerie";

    /// <summary>What a page may be told was just done (<c>?fait=</c>): anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> Done = new HashSet<string>(StringComparer.Ordinal)
    {
        "lu", "non-lu", "deplace", "corbeille", "restaure", "supprime", "vide", "deprogramme",
        "dossier-cree", "dossier-renomme", "dossier-supprime", "signale", "rappele", "message-corbeille", "message-non-lu",
    };

    public static string Folder(Guid folderId, string? after = null, string? done = null, string? error = null)
    {
        var path = folderId == SystemFolders.Inbox ? Home : $"{Home}/dossier/{SystemFolders.Slug(folderId)}";
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["apres"] = after, ["fait"] = done, ["erreur"] = error };
        return QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }

    public static string Message(Guid id, string? done = null, string? error = null) =>
        QueryHelpers.AddQueryString($"{Home}/message/{id}", new Dictionary<string, string?>(StringComparer.Ordinal) { ["fait"] = done, ["erreur"] = error }.Where(q => q.Value is not null));

    public static string Compose(string? key = null, Guid? id = null) => key is null ? $"{Home}/ecrire" : $"{Home}/ecrire?{key}={id}";

    public static string Attachment(Guid id) => $"{Home}/pieces/{id}";

    /// <summary>The first error key of an outcome, to carry through a redirect (<c>?erreur=</c>).</summary>
    public static string? FirstError(IReadOnlyDictionary<string, string[]>? errors) => errors?.Values.SelectMany(v => v).FirstOrDefault();

    /// <summary>An error key from the address is shown only when it is one of the messagerie's own error strings.</summary>
    public static bool IsErrorKey(string? key) => key is { Length: < 60 } && key.StartsWith("Error.", StringComparison.Ordinal) && key.Skip(6).All(char.IsAsciiLetter);
}
