using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;
using Preau.Testing;
using static Preau.IntegrationTests.Sharing.SharingData;

namespace Preau.IntegrationTests.Sharing;

/// <summary>
/// Who may open a shared resource: its owner, and the people and groups it was shared with,
/// within the sharer's visible set; the rights bring what they imply; removal takes effect at once.
/// </summary>
public abstract class ShareAccessTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_share_with_a_class_gives_every_pupil_access_and_no_one_else_and_its_removal_ends_it_at_once()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var note = app.NoteOf(claire);
        // Blocked or detached people hold no right, shared or not (the demo city has none in CE2 A).
        var members = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == pupils)
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.State != AccountState.Blocked && u.DetachedAt == null)).Select(m => m.UserId).ToListAsync(Ct));
        var everyone = await app.WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync(Ct));
        Assert.NotEmpty(members);

        var result = await app.UpdateAsync(claire, note, replace: true, Group(pupils, "read"));
        Assert.Equal((ShareUpdateStatus.Saved, 1), (result.Status, result.Added));

        foreach (var id in everyone)
        {
            Assert.Equal(id == claire || members.Contains(id), await app.HasRightAsync(id, note));
        }

        // The readers may not change it; the owner may.
        Assert.False(await app.HasRightAsync(members[0], note, "contrib"));
        Assert.True(await app.HasRightAsync(claire, note, "manage"));

        Assert.Equal(ShareUpdateStatus.Saved, (await app.UpdateAsync(claire, note, replace: true)).Status);
        foreach (var id in members)
        {
            Assert.False(await app.HasRightAsync(id, note));
        }
    }

    [Fact]
    public async Task Sharing_with_someone_out_of_reach_is_refused_and_nothing_is_written()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var collegePupil = await app.PersonAsync("5b-pupil");
        var collegeGroup = await app.GroupAsync("5e B", Profile.Student);
        var ownPupils = await app.GroupAsync("CE2 A", Profile.Student);
        var note = app.NoteOf(claire);

        var result = await app.UpdateAsync(claire, note, replace: true, Group(ownPupils, "read"), User(collegePupil, "read"), Group(collegeGroup, "read"));

        Assert.Equal(ShareUpdateStatus.Refused, result.Status);
        Assert.Equal(new[] { collegePupil, collegeGroup }.Order(), result.Refused.Select(r => r.Id).Order());
        Assert.False(await app.WithDbAsync(db => db.Set<Share>().AnyAsync(s => s.ResourceId == note.Id, Ct)));
        Assert.False(await app.HasRightAsync(collegePupil, note));
    }

    [Fact]
    public async Task Shares_with_people_a_manager_cannot_see_are_kept_when_they_update_and_may_be_removed()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var classmate = await app.PersonAsync("ce2-pupil");
        var cpParent = await app.PersonAsync("cp-parent");
        var note = app.NoteOf(claire);
        Assert.Equal(ShareUpdateStatus.Saved, (await app.UpdateAsync(claire, note, replace: true, User(lea, "manage"), User(cpParent, "read", "comment"))).Status);

        // Léa manages the note but cannot see a parent of CP: her update keeps that share as it is.
        var update = await app.UpdateAsync(lea, note, replace: true, User(lea, "manage"), User(classmate, "read"));
        Assert.Equal((ShareUpdateStatus.Saved, 1, 0, 1), (update.Status, update.Added, update.Removed, update.KeptHidden));
        Assert.True(await app.HasRightAsync(cpParent, note, "comment"));
        Assert.True(await app.HasRightAsync(classmate, note));

        var sheet = await app.SheetAsync(lea, note);
        var hidden = Assert.Single(sheet!.Shares, s => !s.Principal.Visible);
        Assert.Equal((cpParent, (string?)null), (hidden.Principal.Id, hidden.Principal.Name));
        Assert.Equal(["read", "comment"], hidden.Rights);
        Assert.Equal(1, sheet.Hidden);

        // She may not change what that parent holds, but may take it away.
        var change = await app.UpdateAsync(lea, note, replace: false, User(cpParent, "read"));
        Assert.Equal((ShareUpdateStatus.Refused, cpParent), (change.Status, Assert.Single(change.Refused).Id));
        Assert.True(await app.HasRightAsync(cpParent, note, "comment"));
        Assert.Equal(ShareUpdateStatus.Saved, (await app.UpdateAsync(lea, note, replace: false, User(cpParent))).Status);
        Assert.False(await app.HasRightAsync(cpParent, note));
    }

    [Fact]
    public async Task Rights_bring_what_they_imply()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var (manager, editor, publisher, commenter) = (await app.PersonAsync(Personas.Lea), await app.PersonAsync("ce2-pupil"), await app.PersonAsync("ce2-parent"), await app.PersonAsync(Personas.Isabelle));
        var note = app.NoteOf(claire);
        Assert.Equal(ShareUpdateStatus.Saved, (await app.UpdateAsync(claire, note, replace: true,
            User(manager, "manage"), User(editor, "contrib"), User(publisher, "publish"), User(commenter, "comment"))).Status);

        string[] all = ["read", "contrib", "manage", "publish", "comment"];
        var expected = new Dictionary<Guid, string[]>
        {
            [manager] = all,
            [editor] = ["read", "contrib"],
            [publisher] = ["read", "publish"],
            [commenter] = ["read", "comment"],
        };
        foreach (var (who, rights) in expected)
        {
            foreach (var right in all)
            {
                Assert.True(rights.Contains(right) == await app.HasRightAsync(who, note, right), $"{right} for {who}");
            }
        }

        var sheet = await app.SheetAsync(claire, note);
        Assert.Equal(["read", "contrib", "manage", "publish", "comment"], sheet!.Shares.Single(s => s.Principal.Id == manager).Rights);
        Assert.Equal(ShareUpdateStatus.UnknownRights, (await app.UpdateAsync(claire, note, replace: false, User(editor, "delete"))).Status);
    }

    [Fact]
    public async Task Only_the_owner_and_managers_see_or_change_the_shares()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var classmate = await app.PersonAsync("ce2-pupil");
        var note = app.NoteOf(claire);
        Assert.Equal(ShareUpdateStatus.Saved, (await app.UpdateAsync(claire, note, replace: true, User(lea, "contrib"))).Status);

        Assert.Null(await app.SheetAsync(lea, note));
        Assert.Equal(ShareUpdateStatus.NotFound, (await app.UpdateAsync(lea, note, replace: false, User(classmate, "read"))).Status);
        Assert.NotNull(await app.SheetAsync(claire, note));

        app.Services.GetRequiredService<TestNotes>().Delete(note.Id);
        Assert.Null(await app.SheetAsync(claire, note));
        Assert.False(await app.HasRightAsync(lea, note));
    }

    [Fact]
    public async Task A_warm_right_check_costs_at_most_one_query()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var stranger = await app.PersonAsync("5b-pupil");
        var note = app.NoteOf(claire);
        await app.UpdateAsync(claire, note, replace: true, Group(await app.GroupAsync("CE2 A", Profile.Student), "read"));

        foreach (var (who, expected) in new[] { (lea, true), (stranger, false), (claire, true) })
        {
            await app.HasRightAsync(who, note); // warm: the person's groups are now in memory
            app.Queries.Reset();
            Assert.Equal(expected, await app.HasRightAsync(who, note));
            Assert.True(app.Queries.Count <= 1, $"{app.Queries.Count} queries: " + string.Join("\n", app.Queries.Commands));
        }

        // A module that knows the owner passes it: the owner's check costs nothing.
        app.Queries.Reset();
        Assert.True(await app.WithSharingAsync<bool, Shares>(s => s.HasRightAsync(claire, TestNotes.Type, note.Id, "manage", claire, Ct)));
        Assert.Equal(0, app.Queries.Count);
    }

    [Fact]
    public async Task Modules_list_the_resources_shared_with_a_person()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var (toClass, toLea, toNoOne) = (app.NoteOf(claire), app.NoteOf(claire), app.NoteOf(claire));
        await app.UpdateAsync(claire, toClass, replace: true, Group(await app.GroupAsync("CE2 A", Profile.Student), "read"));
        await app.UpdateAsync(claire, toLea, replace: true, User(lea, "comment"));

        var ids = await app.WithSharingAsync<List<Guid>, Shares>(async s => await (await s.SharedWithAsync(lea, TestNotes.Type, ct: Ct)).ToListAsync(Ct));
        Assert.Contains(toClass.Id, ids);
        Assert.Contains(toLea.Id, ids);
        Assert.DoesNotContain(toNoOne.Id, ids);
        var commentable = await app.WithSharingAsync<List<Guid>, Shares>(async s => await (await s.SharedWithAsync(lea, TestNotes.Type, "comment", Ct)).ToListAsync(Ct));
        Assert.Equal([toLea.Id], commentable.Where(id => id == toClass.Id || id == toLea.Id));
    }
}

public sealed class SqliteShareAccessTests(SqliteApp app) : ShareAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresShareAccessTests(PostgresApp app) : ShareAccessTests(app), IClassFixture<PostgresApp>;
