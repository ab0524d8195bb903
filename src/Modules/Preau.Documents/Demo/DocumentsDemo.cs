using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;

namespace Preau.Documents.Demo;

/// <summary>
/// The demo's documents: Claire's "Classe verte" folder (a drawing, the programme, the list of
/// things to pack), shared to read with her class's pupils and parents, and her worksheets; Paul's
/// worksheet on the passé simple; a drawing in Léa's own space. Written through the space's use
/// cases, as uploads from a browser.
/// </summary>
internal sealed class DocumentsDemo(ManageFolders folders, UploadDocument upload, UpdateShares shares) : IDemoContent
{
    public const string TripFolder = "Classe verte";
    public const string Class = "CE2 A";

    /// <summary>Paul's worksheet in "Français 5e B".</summary>
    public const string WorksheetName = "Fiche d’exercices — passé simple.pdf";

    public int Order => 10;

    public async Task SeedAsync(DemoPeople people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var claire = await people.PersonAsync("claire.martin", ct);
        var trip = await FolderAsync(claire, TripFolder, ct);
        await StoreAsync(claire, trip, "La mare.png", "image/png", DemoFiles.Drawing(2), ct);
        await StoreAsync(claire, trip, "Programme de la classe verte.pdf", "application/pdf", DemoFiles.Pdf("Classe verte du 18 au 20 mai",
            "Lundi : départ à 8 h 30 devant l'école, pique-nique tiré du sac.",
            "Mardi : la mare et ses habitants, carnet de croquis.",
            "Mercredi : la ferme pédagogique, retour vers 17 h."), ct);
        await StoreAsync(claire, trip, "Liste du trousseau.txt", "text/plain",
            "Bottes de pluie\nK-way\nGourde\nLampe de poche\nDoudou (facultatif)\n"u8.ToArray(), ct);
        var pupils = await people.ClassGroupAsync(Class, Profile.Student, ct);
        var parents = await people.ClassGroupAsync(Class, Profile.Relative, ct);
        await shares.HandleAsync(claire.Id, DocumentAccess.FolderType, trip,
            [new ShareChange(PrincipalKind.Group, pupils, [ShareRight.Read.Key]), new ShareChange(PrincipalKind.Group, parents, [ShareRight.Read.Key])], replace: true, ct);

        var worksheets = await FolderAsync(claire, "Fiches de travail", ct);
        await StoreAsync(claire, worksheets, "Tables de multiplication.pdf", "application/pdf", DemoFiles.Pdf("Tables de multiplication",
            "Table de 6 : 6, 12, 18, 24, 30, 36, 42, 48, 54, 60.",
            "Table de 7 : 7, 14, 21, 28, 35, 42, 49, 56, 63, 70.",
            "Défi : combien font 7 × 8 ?"), ct);

        // Paul's worksheet, which the demo's cahier de textes joins to his 5e B homework.
        var paul = await people.PersonAsync("paul.bernard", ct);
        var french = await FolderAsync(paul, "Français 5e B", ct);
        await StoreAsync(paul, french, WorksheetName, "application/pdf", DemoFiles.Pdf("Le passé simple",
            "1. Conjuguez au passé simple : chanter, finir, prendre (3e personne du singulier).",
            "2. Relevez les verbes au passé simple dans la fable Le Corbeau et le Renard.",
            "3. Réécrivez le début de la fable au présent.",
            "4. Inventez trois phrases au passé simple sur le renard."), ct);

        var lea = await people.PersonAsync("lea.dubois", ct);
        await StoreAsync(lea, DocFolder.Root, "Mon dessin de la mare.png", "image/png", DemoFiles.Drawing(4), ct);
    }

    private async Task<Guid> FolderAsync(UserContext me, string name, CancellationToken ct) =>
        (await folders.CreateAsync(me, DocFolder.Root, name, ct)).Value?.Id ?? throw new InvalidOperationException($"The demo folder {name} could not be made.");

    private async Task StoreAsync(UserContext me, Guid folder, string name, string type, byte[] content, CancellationToken ct)
    {
        var stored = await upload.UploadAsync(me, folder, name, type, new MemoryStream(content), content.Length, null, ct);
        if (!stored.Succeeded)
        {
            throw new InvalidOperationException($"The demo document {name} could not be stored: {string.Join(", ", stored.Errors?.SelectMany(e => e.Value) ?? ["not found"])}.");
        }
    }
}
