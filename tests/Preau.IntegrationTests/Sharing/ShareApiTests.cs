using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;
using Preau.Testing;

namespace Preau.IntegrationTests.Sharing;

/// <summary>The sharing API and the share dialog without JavaScript, through the real pipeline.</summary>
public abstract class ShareApiTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_shares_reads_back_refuses_the_unreachable_and_records_the_change()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var collegePupil = await app.PersonAsync("5b-pupil");
        var note = app.NoteOf(claire, "Poésie de Noël");
        var client = await app.SignedInClientAsync(Personas.Claire);
        var url = $"/api/v1/shares/{TestNotes.Type}/{note.Id}";

        var refused = await client.PutAsJsonAsync(url, new { shares = new object[] { new { kind = "group", id = pupils, rights = new[] { "read" } }, new { kind = "user", id = collegePupil, rights = new[] { "read" } } } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(collegePupil, Assert.Single(problem.GetProperty("refused").EnumerateArray()).GetProperty("id").GetGuid());

        var unknown = await client.PutAsJsonAsync(url, new { shares = new[] { new { kind = "group", id = pupils, rights = new[] { "delete" } } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var saved = await client.PutAsJsonAsync(url, new { shares = new[] { new { kind = "group", id = pupils, rights = new[] { "comment" } } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var sheet = await client.GetFromJsonAsync<JsonElement>(url, Ct);
        var line = Assert.Single(sheet.GetProperty("shares").EnumerateArray());
        Assert.Equal("Élèves de CE2 A", line.GetProperty("principal").GetProperty("name").GetString());
        Assert.Equal(["read", "comment"], line.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(sheet.GetProperty("rights").EnumerateArray(), r => r.GetProperty("key").GetString() == "publish");

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == UpdateShares.AuditAction && e.ActorId == claire).Select(e => e.Details).ToListAsync(Ct));
        Assert.Contains(audit, d => d!.Contains(note.Id.ToString(), StringComparison.Ordinal) && d.Contains("Poésie de Noël", StringComparison.Ordinal));

        // A reader may not see who else reads.
        var lea = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PutAsJsonAsync(url, new { shares = Array.Empty<object>() }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Recipients_are_the_people_and_groups_one_may_reach()
    {
        var client = await app.SignedInClientAsync(Personas.Claire);
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/shares/recipients?q=CE2", Ct);
        var group = Assert.Single(found.GetProperty("groups").EnumerateArray(), g => g.GetProperty("label").GetString() == "Élèves de CE2 A");
        Assert.True(group.GetProperty("members").GetInt32() > 0);

        var lea = await app.SignedInClientAsync(Personas.Lea);
        var hers = await lea.GetFromJsonAsync<JsonElement>("/api/v1/shares/recipients?q=", Ct);
        Assert.DoesNotContain(hers.GetProperty("people").EnumerateArray(), p => p.GetProperty("profile").GetString() == "Relative");
    }

    [Fact]
    public async Task Saved_lists_leave_out_whom_their_owner_no_longer_reaches()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var pupil = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == pupils)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).Where(u => u.Login != Personas.Lea).OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync(Ct));
        var collegePupil = await app.PersonAsync("5b-pupil");

        var refused = await claire.PostAsJsonAsync("/api/v1/share-bookmarks", new { name = "Mélange", members = new[] { new { kind = "user", id = collegePupil } } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await claire.PostAsJsonAsync("/api/v1/share-bookmarks", new { name = " ", members = Array.Empty<object>() }, Ct)).StatusCode);

        var created = await claire.PostAsJsonAsync("/api/v1/share-bookmarks", new { name = "Ma classe", members = new object[] { new { kind = "group", id = pupils }, new { kind = "user", id = pupil } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal(2, (await claire.GetFromJsonAsync<JsonElement>(location, Ct)).GetProperty("members").GetArrayLength());

        // The pupil leaves the directory (blocked): the list keeps them, but using it leaves them out.
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == pupil, Ct)).State = Platform.Directory.Domain.AccountState.Blocked;
            await db.SaveChangesAsync(Ct);
        });
        try
        {
            var view = await claire.GetFromJsonAsync<JsonElement>(location, Ct);
            Assert.Equal(pupils, Assert.Single(view.GetProperty("members").EnumerateArray()).GetProperty("id").GetGuid());
            Assert.Equal(1, view.GetProperty("hidden").GetInt32());
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == pupil, Ct)).State = Platform.Directory.Domain.AccountState.Active;
                await db.SaveChangesAsync(Ct);
            });
        }

        var renamed = await claire.PutAsJsonAsync(location, new { name = "CE2 A" }, Ct);
        Assert.Equal("CE2 A", (await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Isabelle)).DeleteAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await claire.DeleteAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(location, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_dialog_works_without_javascript()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var note = app.NoteOf(claire, "Cahier de poésie");
        var client = await app.SignedInClientAsync(Personas.Claire);
        var page = $"/partage/{TestNotes.Type}/{note.Id}";

        var search = await client.GetStringAsync(page + "?q=CE2&returnUrl=%2Fnotes", Ct);
        Assert.Contains("Élèves de CE2 A", search, StringComparison.Ordinal);
        Assert.Contains("href=\"/notes\"", search, StringComparison.Ordinal);
        // Only a local address is a way back: no link, and no form sends it on.
        var foreign = await client.GetStringAsync(page + "?returnUrl=https%3A%2F%2Fevil.example", Ct);
        Assert.DoesNotContain("href=\"https://evil.example", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain("returnUrl=https", foreign.Replace("?returnUrl=https%3A%2F%2Fevil.example\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var token = await PreauApp.AntiforgeryTokenAsync(client, page);
        var added = await client.PostAsync(page + "?handler=Add&returnUrl=%2Fnotes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["kind"] = "Group", ["principalId"] = pupils.ToString(),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("returnUrl=%2Fnotes", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await app.HasRightAsync((await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == pupils).Select(m => m.UserId).FirstAsync(Ct))), note));

        var saved = await client.PostAsync(page + "?handler=Save", new FormUrlEncodedContent(
        [
            new("__csrf", token), new("shares[0].Kind", "Group"), new("shares[0].Id", pupils.ToString()),
            new("shares[0].Rights", "read"), new("shares[0].Rights", "comment"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sheet = await app.SheetAsync(claire, note);
        Assert.Equal(["read", "comment"], Assert.Single(sheet!.Shares).Rights);

        var shown = await client.GetStringAsync(saved.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Droits enregistrés", shown, StringComparison.Ordinal);

        var refused = await client.PostAsync(page + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["kind"] = "User", ["principalId"] = (await app.PersonAsync("5b-pupil")).ToString(),
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("hors de votre annuaire", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var lea = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync(page, Ct)).StatusCode);
    }
}

// A list's pupil is blocked for a while: an application of its own, not the shared city.
public sealed class SqliteShareApiTests(SqliteApp app) : ShareApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresShareApiTests(PostgresApp app) : ShareApiTests(app), IClassFixture<PostgresApp>;
