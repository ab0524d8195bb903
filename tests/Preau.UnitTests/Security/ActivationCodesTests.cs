using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.UnitTests.Security;

public sealed class ActivationCodesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly ActivationCodes _codes;

    public ActivationCodesTests() =>
        _codes = new ActivationCodes(new Codes(new SecretKeys(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray())), _clock,
            Options.Create(new ActivationOptions { CodeLifetime = TimeSpan.FromDays(90) }));

    private static User Person() => new()
    {
        Login = "lea.dubois", FirstName = "Léa", LastName = "Dubois", DisplayName = "Léa Dubois",
        Profile = Profile.Student, SecurityStamp = "s",
    };

    [Fact]
    public void A_code_is_two_groups_of_four_without_look_alike_characters_and_only_its_hash_is_kept()
    {
        var user = Person();
        var code = _codes.Issue(user);

        Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", code);
        Assert.NotNull(user.ActivationCodeHash);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), user.ActivationCodeHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(_clock.GetUtcNow().AddDays(90), user.ActivationCodeExpiresAt);
    }

    [Fact]
    public void The_code_matches_whatever_its_case_spaces_and_dashes()
    {
        var user = Person();
        var code = _codes.Issue(user);
        var bare = code.Replace("-", "", StringComparison.Ordinal);

        Assert.True(_codes.Matches(user, code));
        Assert.True(_codes.Matches(user, bare.ToLowerInvariant()));
        Assert.True(_codes.Matches(user, $" {bare[..4]} {bare[4..]} "));
        Assert.False(_codes.Matches(user, bare[..7]));
        Assert.False(_codes.Matches(user, null));
    }

    [Fact]
    public void A_new_code_replaces_the_old_one()
    {
        var user = Person();
        var first = _codes.Issue(user);
        var second = _codes.Issue(user);

        Assert.NotEqual(first, second);
        Assert.False(_codes.Matches(user, first));
        Assert.True(_codes.Matches(user, second));
    }

    [Fact]
    public void A_code_stops_working_when_it_expires_or_is_used()
    {
        var user = Person();
        var code = _codes.Issue(user);
        _clock.Advance(TimeSpan.FromDays(90));
        Assert.False(_codes.Matches(user, code));

        code = _codes.Issue(user);
        ActivationCodes.Consume(user);
        Assert.False(_codes.Matches(user, code));
        Assert.Null(user.ActivationCodeHash);
    }

    [Fact]
    public void Another_platform_key_does_not_recognise_the_code()
    {
        var user = Person();
        var code = _codes.Issue(user);
        var elsewhere = new ActivationCodes(new Codes(new SecretKeys(new byte[32])), _clock, Options.Create(new ActivationOptions()));

        Assert.False(elsewhere.Matches(user, code));
    }

    [Theory]
    [InlineData("K7PM-X2QD", true)]
    [InlineData("k7pmx2qd", true)]
    [InlineData("preau-demo", false)]
    [InlineData("K7PM-X2Q0", false)]
    [InlineData("K7PM-X2QDA", false)]
    public void A_typed_password_is_told_apart_from_a_code_by_its_shape(string typed, bool looksLikeCode) =>
        Assert.Equal(looksLikeCode, ActivationCodes.LooksLikeCode(typed));

    [Fact]
    public void A_platform_key_shorter_than_32_bytes_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new SecretKeys(new byte[16]));
}
