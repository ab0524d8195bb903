using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Testing;
using SkiaSharp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The annuaire: search, cards, class pages and photos show only whom the viewer reaches; the rest answers 404.</summary>
public abstract class AnnuaireTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lea_finds_her_classmates_and_teacher_and_no_one_out_of_reach()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var cpPupil = await app.WithDbAsync(async db => await db.Users.FindAsync([await app.PersonAsync("cp-pupil")], Ct));

        var martin = await lea.GetStringAsync("/annuaire?q=mart", Ct);
        Assert.Contains("Claire Martin", martin, StringComparison.Ordinal);
        var cp = await lea.GetStringAsync($"/annuaire?q={Uri.EscapeDataString(cpPupil!.LastName + " " + cpPupil.FirstName)}", Ct);
        Assert.DoesNotContain(cpPupil.DisplayName, cp, StringComparison.Ordinal);
        Assert.Contains("Personne ne correspond", cp, StringComparison.Ordinal);

        // Every page of the API's answer: classmates of CE2 A and Claire, nobody else.
        var found = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await lea.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people?page={page}", Ct);
            found.AddRange(body.GetProperty("items").EnumerateArray());
            if (!body.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        Assert.Contains(found, p => p.GetProperty("displayName").GetString() == "Claire Martin");
        Assert.True(found.Count(p => p.GetProperty("profile").GetString() == "Student") >= 3);
        Assert.All(found, p => Assert.True(
            p.GetProperty("displayName").GetString() == "Claire Martin"
            || p.GetProperty("classes").EnumerateArray().Select(c => c.GetString()).SequenceEqual(["CE2 A"]),
            p.GetProperty("displayName").GetString()));

        // Claire, who teaches at Jules Ferry, finds the CP pupil.
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var people = await claire.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people?q={Uri.EscapeDataString(cpPupil.Login)}", Ct);
        Assert.Contains(people.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == cpPupil.Id);
    }

    [Fact]
    public async Task The_results_alone_come_back_for_search_as_you_type()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var partial = await lea.GetStringAsync("/annuaire?q=mart&handler=results", Ct);
        Assert.Contains("Claire Martin", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", partial, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_card_answers_404_to_anyone_out_of_reach_and_to_blocked_people()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var cpPupil = await app.PersonAsync("cp-pupil");
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/annuaire/personnes/{cpPupil}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/api/v1/directory/people/{cpPupil}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/annuaire/personnes/{Guid.NewGuid()}", Ct)).StatusCode);

        var classmate = await ClassmateAsync(1);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync($"/annuaire/personnes/{classmate}", Ct)).StatusCode);
        var state = await app.WithDbAsync(db => db.Users.Where(u => u.Id == classmate).Select(u => u.State).SingleAsync(Ct));
        await SetStateAsync(classmate, AccountState.Blocked);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/annuaire/personnes/{classmate}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/annuaire/photos/{classmate}", Ct)).StatusCode);
        }
        finally
        {
            await SetStateAsync(classmate, state);
        }
    }

    [Fact]
    public async Task Personal_details_show_only_when_the_person_chose_to()
    {
        var claireId = await app.PersonAsync(Personas.Claire);
        await app.WithDbAsync(async db =>
        {
            var claireUser = await db.Users.SingleAsync(u => u.Id == claireId, Ct);
            claireUser.Email = "claire.martin@example.org";
            claireUser.Phone = "01 23 45 67 89";
            claireUser.BirthDate = new DateOnly(1985, 3, 14);
            await db.SaveChangesAsync(Ct);
        });
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var before = await lea.GetStringAsync($"/annuaire/personnes/{claireId}", Ct);
        Assert.DoesNotContain("claire.martin@example.org", before, StringComparison.Ordinal);
        Assert.DoesNotContain("01 23 45 67 89", before, StringComparison.Ordinal);

        var claire = await app.SignedInClientAsync(Personas.Claire);
        var saved = await claire.PutAsJsonAsync("/api/v1/directory/profile",
            new { mood = "Happy", motto = "Apprendre en s’amusant", showEmail = true, showPhone = false, showBirthDate = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = await lea.GetStringAsync($"/annuaire/personnes/{claireId}", Ct);
        Assert.Contains("claire.martin@example.org", after, StringComparison.Ordinal);
        Assert.DoesNotContain("01 23 45 67 89", after, StringComparison.Ordinal);
        Assert.DoesNotContain("1985", after, StringComparison.Ordinal);
        Assert.Contains("Apprendre en s’amusant", after, StringComparison.Ordinal);
        Assert.Contains("De bonne humeur", after, StringComparison.Ordinal);
        var card = await lea.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{claireId}", Ct);
        Assert.Equal("claire.martin@example.org", card.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("phone").ValueKind);

        // Bad input: a problem, and the profile as it was.
        var tooLong = await claire.PutAsJsonAsync("/api/v1/directory/profile",
            new { motto = new string('a', 141), showEmail = false, showPhone = false, showBirthDate = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("motto", out _));
        var kept = await claire.GetFromJsonAsync<JsonElement>("/api/v1/directory/profile", Ct);
        Assert.Equal("Apprendre en s’amusant", kept.GetProperty("motto").GetString());
        Assert.True(kept.GetProperty("showEmail").GetBoolean());
    }

    [Fact]
    public async Task The_profile_page_saves_mood_motto_and_details_and_keeps_a_too_long_motto_in_the_field()
    {
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        var token = await PreauApp.AntiforgeryTokenAsync(hugo, "/profil");
        var ok = await hugo.PostAsync("/profil?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["mood"] = "Holiday", ["motto"] = "Toujours   plus\nloin", ["showEmail"] = "false", ["showPhone"] = "false", ["showBirthDate"] = "false",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await hugo.GetStringAsync("/profil?done=saved", Ct);
        Assert.Contains("value=\"Toujours plus loin\"", page, StringComparison.Ordinal);

        var bad = await hugo.PostAsync("/profil?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["mood"] = "Holiday", ["motto"] = new string('b', 150), ["showEmail"] = "false", ["showPhone"] = "false", ["showBirthDate"] = "false",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("trop longue", html, StringComparison.Ordinal);
        Assert.Contains(new string('b', 150), html, StringComparison.Ordinal);
        Assert.Contains("Toujours plus loin", await hugo.GetStringAsync($"/annuaire/personnes/{await app.PersonAsync(Personas.Hugo)}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_redrawn_as_a_small_square_and_a_bad_file_changes_nothing()
    {
        var leaId = await app.PersonAsync(Personas.Lea);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var put = await lea.PutAsync("/api/v1/directory/profile/photo", Image(800, 600, SKEncodedImageFormat.Png), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var claire = await app.SignedInClientAsync(Personas.Claire);
        var photo = await claire.GetAsync($"/annuaire/photos/{leaId}", Ct);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        var etag = photo.Headers.ETag;
        Assert.NotNull(etag);
        using (var bitmap = SKBitmap.Decode(await photo.Content.ReadAsByteArrayAsync(Ct)))
        {
            Assert.Equal(256, bitmap.Width);
            Assert.Equal(256, bitmap.Height);
        }

        using (var again = new HttpRequestMessage(HttpMethod.Get, $"/annuaire/photos/{leaId}"))
        {
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await claire.SendAsync(again, Ct)).StatusCode);
        }

        // Not an image (whatever it claims), too big: refused with a reason, the photo stays.
        var html = new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray());
        html.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var notImage = await lea.PutAsync("/api/v1/directory/profile/photo", html, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("n’est pas une image", await notImage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var big = new ByteArrayContent(new byte[(5 * 1024 * 1024) + 10]);
        big.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var tooBig = await lea.PutAsync("/api/v1/directory/profile/photo", big, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("trop lourde", await tooBig.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(etag, (await claire.GetAsync($"/annuaire/photos/{leaId}", Ct)).Headers.ETag);

        // Through the page's form: a non-image is refused with the same words.
        var token = await PreauApp.AntiforgeryTokenAsync(lea, "/profil");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new ByteArrayContent("GIF89a not really"u8.ToArray()), "photo", "photo.jpg" },
        };
        var refused = await lea.PostAsync("/profil?handler=Photo", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("n’est pas une image", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var good = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new ByteArrayContent(await Image(300, 500, SKEncodedImageFormat.Jpeg).ReadAsByteArrayAsync(Ct)), "photo", "moi.jpg" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await lea.PostAsync("/profil?handler=Photo", good, Ct)).StatusCode);
        Assert.NotEqual(etag, (await claire.GetAsync($"/annuaire/photos/{leaId}", Ct)).Headers.ETag);

        Assert.Equal(HttpStatusCode.NoContent, (await lea.DeleteAsync("/api/v1/directory/profile/photo", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/annuaire/photos/{leaId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_photo_answers_404_to_whoever_does_not_reach_the_person()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.OK, (await sophie.PutAsync("/api/v1/directory/profile/photo", Image(400, 400, SKEncodedImageFormat.Webp), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/annuaire/photos/{sophieId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Claire)).GetAsync($"/annuaire/photos/{sophieId}", Ct)).StatusCode);
        // Another family's parent does not reach Sophie.
        var marc = await app.SignedInClientAsync(Personas.Marc);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/annuaire/photos/{sophieId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/annuaire/personnes/{sophieId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_parent_card_names_only_the_children_the_viewer_reaches()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var card = await claire.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{sophieId}", Ct);
        var children = card.GetProperty("parentOf").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(["Léa Dubois"], children);
        // Nor does her card or her search result tell of Hugo's class or school.
        var places = card.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("className").GetString()).ToList();
        Assert.Equal(["CE2 A"], places);
        Assert.Equal(["École élémentaire Jules Ferry"], card.GetProperty("schools").EnumerateArray().Select(s => s.GetString()));
        var found = await claire.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?q=dubois&profile=Relative", Ct);
        var sophie = found.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == sophieId);
        Assert.Equal(["CE2 A"], sophie.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["École élémentaire Jules Ferry"], sophie.GetProperty("schools").EnumerateArray().Select(s => s.GetString()));

        var paul = await app.SignedInClientAsync(Personas.Paul);
        var seenByPaul = await paul.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{sophieId}", Ct);
        Assert.Equal(["Hugo Dubois"], seenByPaul.GetProperty("parentOf").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task A_class_page_is_for_the_class_and_its_school_staff_only()
    {
        var ce2 = await app.GroupClassAsync("CE2 A");
        var cp = await app.GroupClassAsync("CP A");
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var mine = await lea.GetAsync("/annuaire/ma-classe", Ct);
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal($"/annuaire/classes/{ce2}", mine.Headers.Location?.OriginalString);

        var page = await lea.GetStringAsync($"/annuaire/classes/{ce2}", Ct);
        Assert.Contains("class-grid", page, StringComparison.Ordinal);
        Assert.Contains("Claire Martin", page, StringComparison.Ordinal);
        var classmate = await app.WithDbAsync(async db => await db.Users.FindAsync([await ClassmateAsync(2)], Ct));
        var tile = $"class-tile-name\">{classmate!.FirstName}<";
        Assert.Contains(tile, page, StringComparison.Ordinal);
        // Teachers first.
        Assert.True(page.IndexOf("class-tile-name\">Claire Martin<", StringComparison.Ordinal) < page.IndexOf(tile, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/annuaire/classes/{cp}", Ct)).StatusCode);

        // Sophie, a parent of the class, sees its teacher and her daughter, not the other families' children.
        var sophie = await (await app.SignedInClientAsync(Personas.Sophie)).GetStringAsync($"/annuaire/classes/{ce2}", Ct);
        Assert.Contains("Claire Martin", sophie, StringComparison.Ordinal);
        Assert.Contains("Léa", sophie, StringComparison.Ordinal);
        Assert.DoesNotContain(tile, sophie, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Karim)).GetAsync($"/annuaire/classes/{ce2}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Isabelle)).GetAsync($"/api/v1/directory/classes/{ce2}", Ct)).StatusCode);
        var paul = await app.SignedInClientAsync(Personas.Paul);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync($"/annuaire/classes/{ce2}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync($"/api/v1/directory/classes/{ce2}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_api_searches_groups_offers_filters_and_is_documented()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var groups = await lea.GetFromJsonAsync<JsonElement>("/api/v1/directory/groups", Ct);
        var labels = groups.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("label").GetString()).ToList();
        Assert.Contains("Élèves de CE2 A", labels);
        Assert.DoesNotContain(labels, l => l!.Contains("CP A", StringComparison.Ordinal));

        var claire = await app.SignedInClientAsync(Personas.Claire);
        var filters = await claire.GetFromJsonAsync<JsonElement>("/api/v1/directory/filters", Ct);
        Assert.Contains(filters.GetProperty("classes").EnumerateArray(), c => c.GetProperty("name").GetString() == "CP A");
        Assert.DoesNotContain(filters.GetProperty("schools").EnumerateArray(), s => s.GetProperty("name").GetString() == "Collège Victor Hugo");
        var cp = await app.GroupClassAsync("CP A");
        var parents = await claire.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people?profile=Relative&class={cp}", Ct);
        Assert.True(parents.GetProperty("total").GetInt32() > 0);
        Assert.All(parents.GetProperty("items").EnumerateArray(), p => Assert.Equal("Relative", p.GetProperty("profile").GetString()));

        var document = await (app.CreateClient()).GetStringAsync("/api/v1/openapi.json", Ct);
        foreach (var operation in new[] { "DirectorySearchPeople", "DirectorySearchGroups", "DirectoryGetPerson", "DirectoryGetMyProfile", "DirectoryUpdateMyProfile", "DirectorySetMyPhoto", "DirectoryRemoveMyPhoto" })
        {
            Assert.Contains($"\"{operation}\"", document, StringComparison.Ordinal);
        }
    }

    private static ByteArrayContent Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        var content = new ByteArrayContent(data.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(format == SKEncodedImageFormat.Png ? "image/png" : format == SKEncodedImageFormat.Webp ? "image/webp" : "image/jpeg");
        return content;
    }

    /// <summary>The n-th pupil of CE2 A other than Léa, by id: one that the other tests do not change.</summary>
    private Task<Guid> ClassmateAsync(int n) => app.WithDbAsync(async db =>
    {
        var ce2 = await app.GroupAsync("CE2 A", Platform.Kernel.Profile.Student);
        return await db.GroupMembers.Where(m => m.GroupId == ce2).Join(db.Users.Where(u => u.Login != Personas.Lea), m => m.UserId, u => u.Id, (m, u) => u.Id)
            .OrderBy(id => id).Skip(n).FirstAsync(Ct);
    });

    private Task SetStateAsync(Guid id, AccountState state) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Id == id, Ct);
        user.State = state;
        await db.SaveChangesAsync(Ct);
    });
}

internal static class AnnuaireData
{
    public static Task<Guid> GroupClassAsync(this PreauApp app, string name) =>
        app.WithDbAsync(db => db.Classes.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));
}

public sealed class SqliteAnnuaireTests(SqliteApp app) : AnnuaireTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAnnuaireTests(PostgresApp app) : AnnuaireTests(app), IClassFixture<PostgresApp>;
