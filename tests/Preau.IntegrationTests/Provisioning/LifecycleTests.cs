using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Kernel;
using Preau.Provisioning.Features;
using Preau.Testing;

namespace Preau.IntegrationTests.Provisioning;

/// <summary>The grace period after detachment, and the school-year rollover. Moves the clock: an application of its own.</summary>
public abstract class LifecycleTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_detached_person_is_deleted_for_good_once_the_grace_period_is_over()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        await admin.ImportAsync(school, "Pupils", Imports.Csv("Nom;Prénom;Date de naissance;Classe", "Faure;Jade;01/02/2017;CE2 G", "Faure;Rose;01/02/2016;CM1 G"));
        var rose = await app.PersonAsync(school, "Faure", "Rose");
        await admin.ImportAsync(school, "Pupils", Imports.Csv("Nom;Prénom;Date de naissance;Classe", "Faure;Jade;01/02/2017;CE2 G"));
        Assert.NotNull((await app.PersonAsync(school, "Faure", "Rose")).DetachedAt);

        // Within the grace period nothing is deleted.
        app.Clock.Advance(TimeSpan.FromDays(89));
        await PurgeAsync();
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == rose.Id, Ct)));

        app.Clock.Advance(TimeSpan.FromDays(2));
        await PurgeAsync();

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == rose.Id, Ct)));
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.LastName == "Faure" && u.FirstName == "Jade", Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.delete" && a.TargetUserId == rose.Id, Ct)));
        var list = await (await app.SignedInClientAsync(Personas.Admin)).GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{school}/detached", Ct);
        Assert.Equal(0, list.GetProperty("people").GetArrayLength());
    }

    [Fact]
    public async Task The_rollover_archives_the_classes_keeps_the_accounts_and_the_next_import_fills_new_classes()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var header = "Nom;Prénom;Date de naissance;Classe;Nom responsable 1;Prénom responsable 1";
        await admin.ImportAsync(school, "Pupils", Imports.Csv(header, "Vincent;Léo;01/02/2016;CM1 V;Vincent;Sarah", "Vincent;Noa;01/02/2015;CM2 V;Vincent;Sarah"));
        var leo = await app.PersonAsync(school, "Vincent", "Léo");
        var sarah = await app.PersonAsync(school, "Vincent", "Sarah");
        var year = (await app.WithDbAsync(db => db.Structures.SingleAsync(s => s.Id == school, Ct))).SchoolYear;

        var page = await admin.GetPageAsync($"/admin/structures/{school}/rollover");
        Assert.Contains("CM1 V", page.Body!.TextContent, StringComparison.Ordinal);
        var response = await admin.PostFormAsync($"/admin/structures/{school}/rollover", [], $"/admin/structures/{school}/rollover");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(year + 1, (await app.WithDbAsync(db => db.Structures.SingleAsync(s => s.Id == school, Ct))).SchoolYear);
        Assert.True(await app.WithDbAsync(db => db.Classes.Where(c => c.StructureId == school).AllAsync(c => c.ArchivedAt != null, Ct)));
        Assert.Empty(await app.ClassesOfAsync(leo.Id));
        Assert.Empty(await app.ClassesOfAsync(sarah.Id));
        Assert.Equal(2, await app.WithDbAsync(db => db.ParentLinks.CountAsync(l => l.RelativeId == sarah.Id, Ct)));
        Assert.Contains(await app.PeopleOfAsync(school, Profile.Student), u => u.Id == leo.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "rollover.apply" && a.StructureId == school, Ct)));
        // One year ahead at most.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/admin/structures/{school}/rollover", null, Ct)).StatusCode);

        // The next import: Léo moves up to CM2 V of the new year (a new class with the old name), Noa has left.
        var status = await admin.ImportAsync(school, "Pupils", Imports.Csv(header, "Vincent;Léo;01/02/2016;CM2 V;Vincent;Sarah"));

        Assert.Equal(0, status.GetProperty("created").GetInt32());
        Assert.Equal(1, status.GetProperty("classesCreated").GetInt32());
        Assert.Equal(1, status.GetProperty("detached").GetInt32());
        Assert.Equal(["CM2 V"], await app.ClassesOfAsync(leo.Id));
        Assert.Equal(["CM2 V"], await app.ClassesOfAsync(sarah.Id));
        Assert.Equal(year + 1, await app.WithDbAsync(db => db.Classes.Where(c => c.StructureId == school && c.ArchivedAt == null).Select(c => c.SchoolYear).SingleAsync(Ct)));
    }

    private async Task PurgeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PurgeDetached>().HandleAsync(Ct);
    }
}

public sealed class SqliteLifecycleTests(SqliteApp app) : LifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLifecycleTests(PostgresApp app) : LifecycleTests(app), IClassFixture<PostgresApp>;
