using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;

namespace Preau.UnitTests.Communication;

/// <summary>The node's memory of who reaches whom forgets what changed, and never keeps what was read before a change.</summary>
public sealed class ReachCacheTests
{
    private static readonly Guid Lea = Guid.NewGuid();
    private static readonly Guid Sophie = Guid.NewGuid();

    [Fact]
    public void Forgetting_a_person_forgets_their_membership_and_visible_set_and_those_built_from_them()
    {
        using var cache = new ReachCache(Options.Create(new ReachOptions()));
        var changes = cache.Changes;
        cache.SetMembership(Member(Lea), changes);
        cache.SetVisibleSet(VisibleSet.Empty(Lea), cache.Generation, [], changes);
        cache.SetVisibleSet(VisibleSet.Empty(Sophie), cache.Generation, [Lea], changes);

        cache.ForgetUsers([Lea]);

        Assert.False(cache.TryGetMembership(Lea, out _));
        Assert.False(cache.TryGetVisibleSet(Lea, cache.Generation, out _));
        Assert.False(cache.TryGetVisibleSet(Sophie, cache.Generation, out _), "A parent's set was built from the child's membership.");
    }

    [Fact]
    public void What_was_read_before_a_change_is_not_kept_after_it()
    {
        using var cache = new ReachCache(Options.Create(new ReachOptions()));
        var before = cache.Changes;

        cache.ForgetUsers([Sophie]);
        cache.SetMembership(Member(Lea), before);
        cache.SetVisibleSet(VisibleSet.Empty(Lea), cache.Generation, [], before);

        Assert.False(cache.TryGetMembership(Lea, out _));
        Assert.False(cache.TryGetVisibleSet(Lea, cache.Generation, out _));

        cache.SetMembership(Member(Lea), cache.Changes);
        Assert.True(cache.TryGetMembership(Lea, out _));
    }

    [Fact]
    public void A_rule_change_starts_a_new_generation_of_graphs_and_sets()
    {
        using var cache = new ReachCache(Options.Create(new ReachOptions()));
        var structure = Guid.NewGuid();
        cache.SetGraph(new RuleGraph(structure, [], [], null), cache.Generation, cache.Changes);
        cache.SetVisibleSet(VisibleSet.Empty(Lea), cache.Generation, [], cache.Changes);
        Assert.True(cache.TryGetGraph(structure, cache.Generation, out _));

        cache.ForgetRules();

        Assert.False(cache.TryGetGraph(structure, cache.Generation, out _));
        Assert.False(cache.TryGetVisibleSet(Lea, cache.Generation, out _));
    }

    private static Membership Member(Guid id) => new(id, Profile.Student, true, FrozenSet<Guid>.Empty, FrozenSet<Guid>.Empty);
}
