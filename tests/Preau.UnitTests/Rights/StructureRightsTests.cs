using Preau.Platform.Kernel;
using Preau.Platform.Rights;

namespace Preau.UnitTests.Rights;

/// <summary>How the catalog's defaults and a structure's saved rows make the rights that apply there.</summary>
public sealed class StructureRightsTests
{
    private static readonly AppDefinition Blog = new("blog", typeof(StructureRightsTests), "Name", "Description",
    [
        new("blog.access", "Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher)),
        new("blog.create", "Create", DefaultHolders.Profiles(Profile.Teacher)),
        new("blog.comment", "Comment", DefaultHolders.ByDegree([Profile.Teacher], [Profile.Teacher, Profile.Student])),
    ]);

    private static readonly AppRightsCatalog Catalog = new([Blog]);
    private static readonly Guid School = Guid.CreateVersion7();

    private static AppRight Row(string action, Profile? profile, Guid? group, bool allowed) =>
        new() { Id = Guid.CreateVersion7(), StructureId = School, Action = action, Profile = profile, GroupId = group, Allowed = allowed };

    [Fact]
    public void Without_rows_the_defaults_of_the_structures_degree_apply()
    {
        var first = StructureRights.Resolve(School, Degree.First, Catalog, []);
        var second = StructureRights.Resolve(School, Degree.Second, Catalog, []);

        Assert.False(first.Customised);
        Assert.Equal(["blog.access"], first.HeldBy(Profile.Student, []).Order(StringComparer.Ordinal));
        Assert.Equal(["blog.access", "blog.comment"], second.HeldBy(Profile.Student, []).Order(StringComparer.Ordinal));
        Assert.Equal(["blog.access", "blog.comment", "blog.create"], first.HeldBy(Profile.Teacher, []).Order(StringComparer.Ordinal));
        Assert.Empty(first.HeldBy(Profile.Guest, []));
    }

    [Fact]
    public void A_profile_row_gives_or_takes_away_and_a_group_row_adds_its_members()
    {
        var workshop = Guid.CreateVersion7();
        var rights = StructureRights.Resolve(School, Degree.First, Catalog,
        [
            Row("blog.create", Profile.Student, null, true),
            Row("blog.access", Profile.Relative, null, false),
            Row("blog.comment", null, workshop, true),
            Row("news.read", Profile.Student, null, true),
        ]);

        Assert.True(rights.Customised);
        Assert.Contains("blog.create", rights.HeldBy(Profile.Student, []));
        Assert.DoesNotContain("blog.access", rights.HeldBy(Profile.Relative, []));
        Assert.DoesNotContain("blog.comment", rights.HeldBy(Profile.Student, []));
        Assert.Contains("blog.comment", rights.HeldBy(Profile.Student, [workshop]));
        Assert.DoesNotContain("news.read", rights.HeldBy(Profile.Student, []));
    }

    [Fact]
    public void Departures_store_only_what_differs_from_the_defaults_and_resolve_back_to_what_was_wanted()
    {
        var workshop = Guid.CreateVersion7();
        var create = Blog.Actions[1];
        var wanted = new ActionHolders([Profile.Student, Profile.Personnel], [workshop]);

        var rows = StructureRights.Departures(Degree.First, create, wanted).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Contains(("blog.create", (Profile?)Profile.Teacher, (Guid?)null, false), rows);
        Assert.Contains(("blog.create", (Profile?)Profile.Student, (Guid?)null, true), rows);
        Assert.Contains(("blog.create", (Profile?)null, (Guid?)workshop, true), rows);
        var back = StructureRights.Resolve(School, Degree.First, Catalog, rows.Select(r => Row(r.Action, r.Profile, r.GroupId, r.Allowed))).For("blog.create");
        Assert.True(back.Profiles.SetEquals(wanted.Profiles));
        Assert.True(back.Groups.SetEquals(wanted.Groups));
        Assert.Empty(StructureRights.Departures(Degree.First, create, new ActionHolders([Profile.Teacher], [])));
    }

    [Fact]
    public void The_catalog_refuses_declarations_that_break_the_rules()
    {
        Assert.Throws<InvalidOperationException>(() => new AppDefinition("blog", typeof(object), "N", "D",
            [new("blog.create", "C", DefaultHolders.None)]).Validate());
        Assert.Throws<InvalidOperationException>(() => new AppDefinition("blog", typeof(object), "N", "D",
            [new("blog.access", "A", DefaultHolders.None), new("news.read", "R", DefaultHolders.None)]).Validate());
        Assert.Throws<InvalidOperationException>(() => new AppDefinition("blog", typeof(object), "N", "D",
            [new("blog.access", "A", DefaultHolders.None), new("blog.access", "A", DefaultHolders.None)]).Validate());
        Assert.Throws<InvalidOperationException>(() => new AppRightsCatalog([Blog, Blog]));
        Assert.Equal("blog.access", Blog.Access.Id);
        Assert.Same(Blog, Catalog.AppOf("blog.comment"));
        Assert.Null(Catalog.AppOf("news.read"));
    }
}
