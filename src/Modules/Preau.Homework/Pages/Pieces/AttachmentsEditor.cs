using Microsoft.AspNetCore.WebUtilities;
using Preau.Homework.Domain;
using Preau.Homework.Features;

namespace Preau.Homework.Pages.Pieces;

/// <summary>
/// An entry's documents for its writer (<c>_HwAttachmentsEdit</c>): each with a button that takes it
/// off, and a link to the picker (<see cref="JoindreModel"/>); both come back to
/// <paramref name="ReturnUrl"/> (a page of this site). Nothing changes under a visa.
/// </summary>
public sealed record AttachmentsEditor(EntryKind Kind, Guid EntryId, IReadOnlyList<AttachmentView> Files, bool Frozen, string ReturnUrl)
{
    public bool CanAdd => !Frozen && Files.Count < HwAttachment.MaxPerEntry;

    public string AddUrl => JoindreModel.For(Kind, EntryId, ReturnUrl);

    public string RemoveUrl => QueryHelpers.AddQueryString(JoindreModel.For(Kind, EntryId, ReturnUrl), "handler", "Remove");
}
