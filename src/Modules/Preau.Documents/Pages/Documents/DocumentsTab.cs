namespace Preau.Documents.Pages.Documents;

/// <summary>The document space's three views, for its navigation.</summary>
public enum DocumentsTab
{
    Mine,
    SharedWithMe,
    Trash,
}
