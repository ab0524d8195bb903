using static Preau.Platform.Security.PasswordPolicy;

namespace Preau.UnitTests.Security;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("la girafe boit du thé")]
    [InlineData("Cartable-Rouge-42")]
    [InlineData("soleildemars")]
    public void A_long_enough_uncommon_password_passes(string password) =>
        Assert.Empty(Check(password, password, "lea.dubois", "Léa", "Dubois"));

    [Fact]
    public void Short_passwords_are_refused_whatever_their_symbols() =>
        Assert.Equal([Rule.TooShort], Check("A1!b2@c", null));

    [Fact]
    public void A_password_longer_than_the_maximum_is_refused() =>
        Assert.Contains(Rule.TooLong, Check(new string('x', 100) + "yz" + new string('w', 40), null));

    [Theory]
    [InlineData("dubois2026!")]
    [InlineData("Lea.Dubois")]
    public void A_password_built_on_the_login_is_refused(string password) =>
        Assert.Contains(Rule.ContainsLogin, Check(password, null, "lea.dubois"));

    [Fact]
    public void A_name_inside_a_long_passphrase_is_fine() =>
        Assert.DoesNotContain(Rule.ContainsLogin, Check("dubois aime les crêpes au sucre", null, "lea.dubois"));

    [Theory]
    [InlineData("azertyuiop")]
    [InlineData("MotDePasse123")]
    [InlineData("zzzzzzzzzzzz")]
    public void Common_passwords_are_refused(string password) =>
        Assert.Contains(Rule.Common, Check(password, null));

    [Fact]
    public void The_confirmation_must_match_when_given()
    {
        Assert.Contains(Rule.Confirmation, Check("la girafe boit du thé", "la girafe boit du the"));
        Assert.DoesNotContain(Rule.Confirmation, Check("la girafe boit du thé", null));
    }
}
