using Microsoft.EntityFrameworkCore;
using Preau.News.Domain;
using Preau.News.Features.Items;
using Preau.News.Features.Threads;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.News.Demo;

/// <summary>
/// The demo's actualités: Isabelle's "Actualités de l'école Jules Ferry" for the whole school (a
/// headline, an expired one, one scheduled for tomorrow at 8:00) and Claire's CE2 A thread, with
/// comments on. Written through the module's use cases, as from the pages.
/// </summary>
internal sealed class NewsDemo(ManageThreads threads, WriteNews write, PreauDbContext db, TimeProvider clock) : IDemoContent
{
    public const string SchoolThread = "Actualités de l'école Jules Ferry";
    public const string ClassThread = "La vie de la classe de CE2 A";

    public int Order => 30;

    public async Task SeedAsync(DemoPeople people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var isabelle = await people.PersonAsync("isabelle.moreau", ct);
        var school = isabelle.Structures[0].Id;
        var schoolThread = Made(await threads.CreateAsync(isabelle, school, wholeSchool: true, classId: null,
            new ThreadForm(SchoolThread, "orange", CommentsEnabled: true, CommentsModerated: true), ct));

        await PublishAsync(isabelle, schoolThread.Id, "Kermesse de l'école le samedi 27 juin",
            "<p>La kermesse aura lieu <strong>le samedi 27 juin de 10 h à 16 h</strong> dans la cour de l'école.</p><ul><li>Stands de jeux tenus par les classes</li><li>Buvette et gâteaux des familles</li><li>Spectacle de la chorale à 14 h</li></ul><p>Les parents volontaires peuvent s'inscrire auprès de l'enseignant de leur enfant.</p>",
            headline: true, publishAt: null, ct);

        var now = clock.GetUtcNow();
        var past = await PublishAsync(isabelle, schoolThread.Id, "Photos de classe : commandes jusqu'au 10 octobre",
            "<p>Les bons de commande des photos de classe sont à rendre avant le 10 octobre.</p>", headline: true, publishAt: null, ct);
        // An item whose time is over, as it would be weeks later: its dates are set back here, since the editor only takes dates to come.
        await db.Set<NewsItem>().Where(i => i.Id == past).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.PublishAt, now.AddDays(-30)).SetProperty(i => i.FirstPublishedAt, now.AddDays(-30)).SetProperty(i => i.ExpireAt, now.AddDays(-2)), ct);

        var paris = SchoolTime.ToParis(now);
        var tomorrow = paris.Date.AddDays(1).AddHours(8);
        var tomorrowAt = new DateTimeOffset(tomorrow, SchoolTime.Zone.GetUtcOffset(tomorrow)).ToUniversalTime();
        await PublishAsync(isabelle, schoolThread.Id, "Sortie à la médiathèque",
            "<p>Les classes de CE1 et CE2 iront à la médiathèque jeudi matin. Pensez aux cartes de lecteur.</p>", headline: true, publishAt: tomorrowAt, ct);

        var claire = await people.PersonAsync("claire.martin", ct);
        var ce2 = claire.Classes.First(c => c.Name == "CE2 A");
        var classThread = Made(await threads.CreateAsync(claire, ce2.StructureId, wholeSchool: false, classId: ce2.Id,
            new ThreadForm(ClassThread, "green", CommentsEnabled: true, CommentsModerated: false), ct));
        await PublishAsync(claire, classThread.Id, "Notre visite à la ferme pédagogique",
            "<p>Les élèves ont découvert les animaux de la ferme et fabriqué du beurre. Merci aux parents accompagnateurs&nbsp;!</p>", headline: false, publishAt: null, ct);
    }

    private async Task<Guid> PublishAsync(UserContext me, Guid threadId, string title, string body, bool headline, DateTimeOffset? publishAt, CancellationToken ct)
    {
        var item = Made(await write.CreateAsync(me, threadId, new ItemForm(title, body, publishAt, null, headline), ct));
        Made(await write.PublishAsync(me, item.Id, ct));
        return item.Id;
    }

    private static T Made<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"The demo news could not be written: {string.Join(", ", outcome.Errors?.SelectMany(e => e.Value) ?? ["not found"])}.");
}
