using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Admin.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>
/// Blocking a whole profile of a school (the parents, during an incident): its members can no
/// longer sign in and their open sessions stop, except those who also belong to an open school.
/// </summary>
public abstract class ProfileBlockTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blocking_the_parents_of_a_school_stops_them_except_a_parent_also_in_an_open_school()
    {
        var (_, parentId) = await app.FamilyInAsync("CM2 A");
        var parentLogin = await ActivateAsync(parentId);
        var parent = await app.SignedInClientAsync(parentLogin);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        // Through the school's page, as a director would.
        var block = await isabelle.PostFormAsync($"/admin/structures/{julesFerry}?handler=BlockProfile", [("profile", "Relative")], $"/admin/structures/{julesFerry}");

        Assert.Equal($"/admin/structures/{julesFerry}?done=profile-blocked", block.RedirectTarget());
        Assert.Equal(HttpStatusCode.Redirect, (await parent.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PreauApp.PostLoginAsync(app.CreateBrowserlikeClient(), parentLogin, PreauApp.Password)).StatusCode);
        // Sophie's son is at Victor Hugo, which is open: she goes on.
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync("/", Ct)).StatusCode);
        await app.SignedInClientAsync(Personas.Sophie);
        // Teachers of the school are not parents.
        await app.SignedInClientAsync(Personas.Claire);
        var entry = Assert.Single(await app.AuditAsync(AuditActions.ProfileBlock));
        Assert.Equal((julesFerry, "Relative"), (entry.StructureId!.Value, entry.Details));

        // Once Victor Hugo blocks its parents too, Sophie has no open school left.
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync($"/api/v1/admin/structures/{victorHugo}/blocked-profiles/Relative", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sophie.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PreauApp.PostLoginAsync(app.CreateBrowserlikeClient(), Personas.Sophie, PreauApp.Password)).StatusCode);

        // Lifting the blocks lets everyone back in.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/structures/{victorHugo}/blocked-profiles/Relative", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.DeleteAsync($"/api/v1/admin/structures/{julesFerry}/blocked-profiles/Relative", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.DeleteAsync($"/api/v1/admin/structures/{julesFerry}/blocked-profiles/Relative", Ct)).StatusCode);
        await app.SignedInClientAsync(parentLogin);
        await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(2, (await app.AuditAsync(AuditActions.ProfileUnblock)).Count);
    }

    [Fact]
    public async Task A_director_cannot_block_her_own_profile_in_her_school()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);

        var response = await isabelle.PutAsync($"/api/v1/admin/structures/{julesFerry}/blocked-profiles/Personnel", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BlockedProfiles.AnyAsync(Ct)));
    }

    /// <summary>Gives an imported parent the demo password, as if they had activated their account.</summary>
    private async Task<string> ActivateAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Persistence.PreauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId, Ct);
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<PasswordHashing>().Hash(PreauApp.Password);
        user.State = AccountState.Active;
        await db.SaveChangesAsync(Ct);
        return user.Login;
    }
}

public sealed class SqliteProfileBlockTests(SqliteApp app) : ProfileBlockTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProfileBlockTests(PostgresApp app) : ProfileBlockTests(app), IClassFixture<PostgresApp>;
