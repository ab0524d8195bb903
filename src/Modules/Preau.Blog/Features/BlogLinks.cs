namespace Preau.Blog.Features;

/// <summary>The blog's addresses, in one place.</summary>
public static class BlogLinks
{
    /// <summary>What a page says it did ("?fait=…"), each a "Done." string of BlogStrings; any other value shows nothing.</summary>
    public static readonly IReadOnlySet<string> Done = new HashSet<string>(StringComparer.Ordinal)
    {
        "envoye", "publie", "supprime", "brouillon", "rendu", "enregistre", "commentaire", "commentaire-attente", "commentaire-valide",
        "commentaire-supprime", "reglages", "public", "prive", "couverture",
    };

    public static string Home(Guid blogId) => $"{BlogModule.Url}/{blogId}";

    public static string Post(Guid blogId, Guid postId) => $"{BlogModule.Url}/{blogId}/billet/{postId}";

    public static string Edit(Guid blogId, Guid postId) => $"{BlogModule.Url}/{blogId}/ecrire/{postId}";

    public static string Write(Guid blogId) => $"{BlogModule.Url}/{blogId}/ecrire";

    public static string Settings(Guid blogId) => $"{BlogModule.Url}/{blogId}/reglages";

    public static string Media(Guid mediaId) => $"{BlogMediaStore.Prefix}{mediaId}";

    public static string PublicHome(string slug) => $"{BlogModule.PublicUrl}/{slug}";

    public static string PublicPost(string slug, Guid postId) => $"{BlogModule.PublicUrl}/{slug}/{postId}";
}
