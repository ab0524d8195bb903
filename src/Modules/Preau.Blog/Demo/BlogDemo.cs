using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;

namespace Preau.Blog.Demo;

/// <summary>
/// The demo's blog: "Le blog des CE2 A", Claire's class blog with validation — her own post with
/// a drawing, a post of Léa's she validated (with Sophie's comment), and a post of Léa's waiting
/// for her. Written through the blog's use cases.
/// </summary>
internal sealed class BlogDemo(ManageBlogs manage, WritePosts write, BlogComments comments, BlogMediaStore media) : IDemoContent
{
    public const string Title = "Le blog des CE2 A";

    public int Order => 20;

    public async Task SeedAsync(DemoPeople people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var claire = await people.PersonAsync("claire.martin", ct);
        var lea = await people.PersonAsync("lea.dubois", ct);
        var sophie = await people.PersonAsync("sophie.dubois", ct);
        var classId = claire.Classes.First(c => c.Name == "CE2 A").Id;
        var blog = Required(await manage.CreateAsync(claire, new BlogSettings(Title,
            "Ce que nous apprenons et ce que nous faisons en classe, raconté par les élèves de CE2 A et leur maîtresse.",
            PublishMode.Validation, CommentMode.Validation), classId, ct));

        await using (var drawing = new MemoryStream(DemoFiles.Drawing(3)))
        {
            var picture = Required(await media.UploadAsync(claire, blog.Id, "la-mare.png", drawing, drawing.Length, ct));
            Required(await write.CreateAsync(claire, blog.Id, "Bienvenue sur notre blog !",
                $"<p>Cette année, les élèves de CE2 A vont raconter ici leurs découvertes : sorties, expériences, lectures.</p><p><img src=\"{picture.Url}\" alt=\"Dessin de la mare\"></p><p>Les parents peuvent laisser un commentaire sous chaque billet.</p>",
                PostIntent.Send, ct));
        }

        var visit = Required(await write.CreateAsync(lea, blog.Id, "Notre visite à la ferme",
            "<p>Mardi, nous sommes allés à la ferme pédagogique. J'ai donné à manger aux chèvres et nous avons vu un veau qui venait de naître.</p><p>Le fermier nous a expliqué comment on fait le fromage.</p>",
            PostIntent.Send, ct));
        Required(await write.PublishAsync(claire, visit.Post.Id, ct));
        var comment = Required(await comments.AddAsync(sophie, visit.Post.Id, "Bravo Léa, quel beau récit ! Tu nous en parleras encore ce soir.", ct));
        Required(await comments.ApproveAsync(claire, comment.Id, ct));

        Required(await write.CreateAsync(lea, blog.Id, "Mon livre préféré",
            "<p>Mon livre préféré s'appelle « Le Petit Prince ». J'aime le renard parce qu'il apprend au petit prince à apprivoiser.</p>",
            PostIntent.Send, ct));
    }

    private static T Required<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"The blog demo could not be written: {string.Join(", ", outcome.Errors?.SelectMany(e => e.Value) ?? ["not found"])}.");
}
