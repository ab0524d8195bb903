// The blog benchmark's data, written straight into PostgreSQL (binary COPY) with the blog
// module's own table and column names (src/Preau.Data.Postgres/Migrations/*_Blog.cs).
//
//   BlogSeed database --connection CS --name NAME     creates (or re-creates) database NAME; prints its connection string
//   BlogSeed drop --connection CS --name NAME         drops it
//   BlogSeed seed --connection CS [--blogs 500] [--posts 200] [--small-posts 10] [--seed 2026]
//   BlogSeed explain --connection CS --blog ID --slug SLUG   EXPLAIN ANALYZE of the blog pages' own queries (as EF Core sends them)
//
// "seed" runs on the database of a stopped instance that has migrated and seeded the demo city.
// The demo's class blog "Le blog des CE2 A" (claire.martin's, shared with the CE2 A groups) is
// made public as /b/bench-ce2-a and gets the posts; blogs-1 more blogs of claire.martin's, public
// as /b/bench-blog-001…, get as many; one more small blog (/b/bench-small) gets --small-posts, to
// show that a page costs the same number of queries whatever the blog's size. Every post is
// published (first publications spread over eight months, before the demo's own), with a title,
// a body of three to six paragraphs of sanitized markup, its excerpt and search text, and zero to
// three comments (most published). Deterministic for one --seed. Prints key=value lines.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
if (args.Length == 0)
{
    return Usage();
}

for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return Usage();
    }

    options[args[i][2..]] = args[++i];
}

if (!options.TryGetValue("connection", out var connection))
{
    return Usage();
}

int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

switch (args[0])
{
    case "database":
    case "drop":
    {
        var name = options.GetValueOrDefault("name") ?? "";
        if (name.Length is 0 or > 60 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
        {
            Console.Error.WriteLine("blogseed: --name must be lower-case letters, digits and underscores.");
            return 2;
        }

        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            if (args[0] == "database")
            {
                await Execute(admin, $"CREATE DATABASE {name}");
            }
        }

        if (args[0] == "database")
        {
            Console.WriteLine(new NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString);
        }

        return 0;
    }

    case "explain":
        await Seed.ExplainAsync(connection, Guid.Parse(options.GetValueOrDefault("blog") ?? ""), options.GetValueOrDefault("slug") ?? "");
        return 0;

    case "seed":
        await Seed.RunAsync(connection, Option("blogs", 500), Option("posts", 200), Option("small-posts", 10), Option("seed", 2026));
        return 0;

    default:
        return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: BlogSeed database|drop --connection CS --name NAME | BlogSeed seed --connection CS [--blogs N] [--posts N] [--small-posts N] [--seed N] | BlogSeed explain --connection CS --blog ID --slug SLUG");
    return 2;
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

internal static class Seed
{
    public const string DemoTitle = "Le blog des CE2 A";
    public const string DemoSlug = "bench-ce2-a";
    public const string SmallSlug = "bench-small";

    private const int Submitted = 2;
    private const int Published = 3;
    private const int CommentPublished = 2;
    private const int CommentPending = 1;
    private const int StudentProfile = 1;
    private const int RelativeProfile = 2;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromDays(240);

    private static readonly string[] Topics =
    [
        "Notre sortie au musée", "La classe découverte", "Expérience : l'eau qui gèle", "Le carnaval de l'école",
        "Nos poèmes de printemps", "La visite de la caserne des pompiers", "Le potager de la cour", "Un auteur en classe",
        "Les élections des délégués", "Notre exposé sur les volcans", "La fête de la science", "Le cross de l'école",
        "Nos lectures du mois", "La chorale répète", "Le spectacle de fin d'année", "Les petits débrouillards",
        "Une journée au Moyen Âge", "Le tri des déchets", "Nos correspondants anglais", "La semaine du goût",
    ];

    private static readonly string[] Sentences =
    [
        "Ce matin, nous sommes partis en car avec la maîtresse et deux parents accompagnateurs.",
        "Chacun avait préparé trois questions pour le guide, et il a répondu à toutes.",
        "Nous avons observé les insectes avec des loupes et nous les avons dessinés dans nos carnets.",
        "Au retour, nous avons écrit ensemble un petit résumé au tableau.",
        "Léa a trouvé que c'était la plus belle journée de l'année, et beaucoup étaient d'accord.",
        "Il a plu un peu l'après-midi, alors nous avons pique-niqué sous le préau.",
        "Nous avons mesuré la température de l'eau toutes les heures et noté les résultats dans un tableau.",
        "Les plus grands ont aidé les plus petits à planter les graines de tomates et de radis.",
        "La bibliothécaire nous a lu un conte venu du Japon, puis nous avons choisi des livres.",
        "En mathématiques, nous avons calculé combien de kilomètres nous avions parcourus.",
        "Tout le monde a participé, même ceux qui avaient un peu peur au début.",
        "Nous remercions les parents qui ont préparé le goûter et prêté leurs appareils photo.",
        "La semaine prochaine, nous présenterons notre travail aux élèves de CM1.",
        "Nous avons appris que les volcans d'Auvergne sont endormis depuis des milliers d'années.",
        "Le pompier nous a montré comment on enroule un tuyau et comment on appelle le 18.",
        "Les correspondants nous ont envoyé des cartes postales et des photos de leur école.",
        "Nous avons goûté des fruits que nous ne connaissions pas : le kaki, la grenade et le litchi.",
        "Chaque groupe a présenté son affiche, et la classe a voté pour la plus claire.",
        "La maîtresse a affiché nos dessins dans le couloir pour que les parents puissent les voir.",
        "Nous avons chanté trois chansons et récité un poème de Maurice Carême.",
    ];

    private static readonly string[] CommentTexts =
    [
        "Bravo à toute la classe, quel beau travail !",
        "Merci pour ces nouvelles, les enfants en ont parlé toute la soirée.",
        "Très intéressant, j'ai appris des choses moi aussi.",
        "Quelle belle sortie ! Merci aux accompagnateurs.",
        "Les photos du carnet sont magnifiques.",
    ];

    public static async Task RunAsync(string connectionString, int blogs, int posts, int smallPosts, int seed)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();

        var claire = await ScalarAsync<Guid>(db, "SELECT id FROM dir_users WHERE login = 'claire.martin'");
        Guid demoId, structureId, classId;
        await using (var command = new NpgsqlCommand("SELECT id, structure_id, class_id FROM blog_blogs WHERE owner_id = @owner AND title = @title", db))
        {
            command.Parameters.AddWithValue("owner", claire);
            command.Parameters.AddWithValue("title", DemoTitle);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"No blog '{DemoTitle}' of claire.martin: start the app once with --Preau:SeedDemo=true first.");
            }

            (demoId, structureId, classId) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
        }

        // Authors: the class's pupils (and its teacher); commenters: the class's parents.
        var pupils = await IdsAsync(db, classId, StudentProfile);
        var parents = await IdsAsync(db, classId, RelativeProfile);
        if (pupils.Count == 0 || parents.Count == 0)
        {
            throw new InvalidOperationException("The demo's CE2 A has no pupils or no parents.");
        }

        await using (var command = new NpgsqlCommand("UPDATE blog_blogs SET is_public = true, slug = @slug WHERE id = @id", db))
        {
            command.Parameters.AddWithValue("slug", DemoSlug);
            command.Parameters.AddWithValue("id", demoId);
            await command.ExecuteNonQueryAsync();
        }

        // The blogs: the demo's (already there), blogs-1 more, and the small one.
        var targets = new List<(Guid Id, int Posts)> { (demoId, posts) };
        var smallId = NewId(random);
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY blog_blogs (id, owner_id, structure_id, class_id, title, description, cover_id, publish_mode, comment_mode, is_public, slug, created_at, updated_at, trashed_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var b = 1; b <= blogs; b++)
            {
                var small = b == blogs;
                var id = small ? smallId : NewId(random);
                var number = b.ToString("000", CultureInfo.InvariantCulture);
                var created = Start - TimeSpan.FromDays(30) + TimeSpan.FromMinutes(b);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(claire, NpgsqlDbType.Uuid);
                await copy.WriteAsync(structureId, NpgsqlDbType.Uuid);
                await copy.WriteNullAsync();
                await copy.WriteAsync(small ? "Petit blog de mesure" : $"Blog de test n° {number}", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Les découvertes de la classe, racontées par les élèves et leur maîtresse.", NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync(2, NpgsqlDbType.Integer);
                await copy.WriteAsync(2, NpgsqlDbType.Integer);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(small ? SmallSlug : $"bench-blog-{number}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await copy.WriteNullAsync();
                targets.Add((id, small ? smallPosts : posts));
            }

            await copy.CompleteAsync();
        }

        // The posts, then their comments.
        var comments = new List<(Guid Post, DateTimeOffset At)>();
        long postRows = 0, bodyBytes = 0;
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY blog_posts (id, blog_id, author_id, title, body, excerpt, search_text, state, first_published_at, submitted_at, published_by, remark, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var (blogId, count) = targets[t];
                for (var i = 0; i < count; i++)
                {
                    var byTeacher = random.Next(5) == 0;
                    var author = byTeacher ? claire : pupils[random.Next(pupils.Count)];
                    var published = Start + Span * i / count + TimeSpan.FromMinutes(t) + TimeSpan.FromSeconds(random.Next(3600));
                    var title = $"{Topics[random.Next(Topics.Length)]} ({i + 1})";
                    var (body, text) = Body(random);
                    var id = NewId(random);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(blogId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(author, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(title, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(body, NpgsqlDbType.Text);
                    await copy.WriteAsync(Excerpt(text), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Fold(title + " " + text), NpgsqlDbType.Text);
                    await copy.WriteAsync(Published, NpgsqlDbType.Integer);
                    await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                    if (byTeacher)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(published - TimeSpan.FromHours(2), NpgsqlDbType.TimestampTz);
                    }

                    await copy.WriteAsync(claire, NpgsqlDbType.Uuid);
                    await copy.WriteNullAsync();
                    await copy.WriteAsync(published - TimeSpan.FromHours(3), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                    postRows++;
                    bodyBytes += Encoding.UTF8.GetByteCount(body);
                    for (var c = random.Next(4); c > 0; c--)
                    {
                        comments.Add((id, published + TimeSpan.FromHours(1 + random.Next(72))));
                    }
                }
            }

            // The demo blog holds one post waiting for its publisher (Léa's): the small blog gets one too,
            // so that both members pages show the same parts.
            var waitingAt = Start + Span;
            await copy.StartRowAsync();
            await copy.WriteAsync(NewId(random), NpgsqlDbType.Uuid);
            await copy.WriteAsync(smallId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(pupils[0], NpgsqlDbType.Uuid);
            await copy.WriteAsync("Un billet en attente", NpgsqlDbType.Varchar);
            await copy.WriteAsync("<p>Ce billet attend la maîtresse.</p>", NpgsqlDbType.Text);
            await copy.WriteAsync("Ce billet attend la maîtresse.", NpgsqlDbType.Varchar);
            await copy.WriteAsync("un billet en attente ce billet attend la maitresse", NpgsqlDbType.Text);
            await copy.WriteAsync(Submitted, NpgsqlDbType.Integer);
            await copy.WriteNullAsync();
            await copy.WriteAsync(waitingAt, NpgsqlDbType.TimestampTz);
            await copy.WriteNullAsync();
            await copy.WriteNullAsync();
            await copy.WriteAsync(waitingAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(waitingAt, NpgsqlDbType.TimestampTz);
            await copy.CompleteAsync();
        }

        await using (var copy = await db.BeginBinaryImportAsync("COPY blog_comments (id, post_id, author_id, body, state, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (post, at) in comments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(NewId(random), NpgsqlDbType.Uuid);
                await copy.WriteAsync(post, NpgsqlDbType.Uuid);
                await copy.WriteAsync(parents[random.Next(parents.Count)], NpgsqlDbType.Uuid);
                await copy.WriteAsync(CommentTexts[random.Next(CommentTexts.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(10) == 0 ? CommentPending : CommentPublished, NpgsqlDbType.Integer);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        // As autovacuum would do after such a load: the planner's statistics.
        await using (var analyze = new NpgsqlCommand("ANALYZE blog_blogs, blog_posts, blog_comments", db))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"demo_id={demoId}");
        Console.WriteLine($"demo_slug={DemoSlug}");
        Console.WriteLine($"small_id={smallId}");
        Console.WriteLine($"small_slug={SmallSlug}");
        Console.WriteLine($"blogs={blogs}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posts={postRows}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"comments={comments.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"body_bytes_avg={bodyBytes / Math.Max(1, postRows)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={clock.Elapsed.TotalSeconds:F1}"));
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of the queries the blog's pages send (the SQL of EF Core's log,
    /// with the values of one request), each after running it once, so that the plans are warm.
    /// </summary>
    public static async Task ExplainAsync(string connectionString, Guid blogId, string slug)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var claire = await ScalarAsync<Guid>(db, "SELECT id FROM dir_users WHERE login = 'claire.martin'");
        var page = new List<(Guid Id, Guid Author)>();
        await using (var command = new NpgsqlCommand("SELECT id, author_id FROM blog_posts WHERE blog_id = @blog AND state = 3 ORDER BY first_published_at DESC, id DESC LIMIT 10", db))
        {
            command.Parameters.AddWithValue("blog", blogId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                page.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        var queries = new (string Title, string Sql, (string Name, object Value)[] Parameters)[]
        {
            ("The public blog by its slug (public page)",
                "SELECT b.id, b.slug, b.title, b.description, b.cover_id FROM blog_blogs AS b WHERE b.slug = @slug AND b.is_public AND b.trashed_at IS NULL LIMIT 1",
                [("slug", slug)]),
            ("The blog by its id (members page)",
                "SELECT b.id, b.class_id, b.comment_mode, b.cover_id, b.created_at, b.description, b.is_public, b.owner_id, b.publish_mode, b.slug, b.structure_id, b.title, b.trashed_at, b.updated_at FROM blog_blogs AS b WHERE b.id = @blogId AND b.trashed_at IS NULL LIMIT 1",
                [("blogId", blogId)]),
            ("The 10 latest published posts, and whether there are more (both pages)",
                "SELECT b.id, b.blog_id, b.title, b.excerpt, b.state, b.author_id, b.first_published_at, b.updated_at, b.remark FROM blog_posts AS b WHERE b.blog_id = @blogId AND b.state = 3 ORDER BY b.first_published_at DESC, b.id DESC LIMIT 11",
                [("blogId", blogId)]),
            ("The authors' names (both pages)",
                "SELECT d.id, d.first_name, d.last_name, d.display_name, d.profile FROM dir_users AS d WHERE d.id = ANY (@wanted)",
                [("wanted", page.Select(p => p.Author).Distinct().ToArray())]),
            ("The published comments of the 10 posts, counted (both pages)",
                "SELECT b.post_id AS \"Key\", count(*)::int AS \"Count\" FROM blog_comments AS b WHERE b.post_id = ANY (@ids) AND b.state = 2 GROUP BY b.post_id",
                [("ids", page.Select(p => p.Id).ToArray())]),
            ("The posts waiting for a publisher (members page, publishers)",
                "SELECT b.id, b.blog_id, b.title, b.excerpt, b.state, b.author_id, b.first_published_at, b.updated_at, b.remark FROM blog_posts AS b WHERE b.blog_id = @blogId AND b.state = 2 ORDER BY b.submitted_at LIMIT 100",
                [("blogId", blogId)]),
            ("The person's own posts not out (members page, contributors): claire.martin, author of a fifth of all the posts",
                "SELECT b.id, b.blog_id, b.title, b.excerpt, b.state, b.author_id, b.first_published_at, b.updated_at, b.remark FROM blog_posts AS b WHERE b.blog_id = @blogId AND b.author_id = @authorId AND b.state <> 3 ORDER BY b.updated_at DESC LIMIT 100",
                [("blogId", blogId), ("authorId", claire)]),
            ("For comparison, not sent by the page: the same with the states named (draft or submitted), which ix_blog_posts_author (author_id, state) answers directly",
                "SELECT b.id, b.blog_id, b.title, b.excerpt, b.state, b.author_id, b.first_published_at, b.updated_at, b.remark FROM blog_posts AS b WHERE b.blog_id = @blogId AND b.author_id = @authorId AND b.state IN (1, 2) ORDER BY b.updated_at DESC LIMIT 100",
                [("blogId", blogId), ("authorId", claire)]),
        };

        foreach (var (title, sql, parameters) in queries)
        {
            var plan = new StringBuilder();
            for (var run = 0; run < 2; run++)
            {
                await using var command = new NpgsqlCommand((run == 0 ? "" : "EXPLAIN (ANALYZE, BUFFERS) ") + sql, db);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (run == 1)
                    {
                        plan.AppendLine(reader.GetString(0));
                    }
                }
            }

            Console.WriteLine($"### {title}");
            Console.WriteLine();
            Console.WriteLine("```");
            Console.WriteLine(sql);
            Console.WriteLine();
            Console.Write(plan.ToString());
            Console.WriteLine("```");
            Console.WriteLine();
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync() is T value ? value : throw new InvalidOperationException($"No result for: {sql}");
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection db, Guid classId, int profile)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT u.id, u.login FROM dir_users u JOIN dir_group_members m ON m.user_id = u.id JOIN dir_groups g ON g.id = m.group_id WHERE g.class_id = @class AND u.profile = @profile ORDER BY u.login", db);
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("profile", profile);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (little-endian field order of Guid(byte[]))
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Three to six paragraphs (sometimes a list), as the editor's sanitized markup, and their plain text.</summary>
    private static (string Body, string Text) Body(Random random)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        var paragraphs = 3 + random.Next(4);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == 2 && random.Next(3) == 0)
            {
                html.Append("<ul>");
                for (var l = 0; l < 3; l++)
                {
                    var item = Sentences[random.Next(Sentences.Length)];
                    html.Append("<li>").Append(Encode(item)).Append("</li>");
                    text.Append(item).Append(' ');
                }

                html.Append("</ul>");
                continue;
            }

            html.Append("<p>");
            var sentences = 2 + random.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                var sentence = Sentences[random.Next(Sentences.Length)];
                var encoded = Encode(sentence);
                html.Append(s == 0 && random.Next(4) == 0 ? $"<strong>{encoded}</strong>" : encoded).Append(' ');
                text.Append(sentence).Append(' ');
            }

            html.Length--;
            html.Append("</p>");
        }

        return (html.ToString(), text.ToString().TrimEnd());
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>The first 280 characters, cut at a word, as the module's preview.</summary>
    private static string Excerpt(string text)
    {
        if (text.Length <= 280)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 279);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : 279), "…");
    }

    /// <summary>Lower case, no accents, words separated by one space (as the module's search text).</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            folded.Append(char.IsLetterOrDigit(lower) ? lower : ' ');
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
