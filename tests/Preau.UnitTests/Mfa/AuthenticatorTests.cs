using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Preau.Account.Security;
using Preau.Platform.Security;

namespace Preau.UnitTests.Mfa;

public sealed class AuthenticatorTests
{
    private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 14, 7, 45, 10, TimeSpan.Zero));
    private readonly Authenticator _authenticator;

    public AuthenticatorTests() => _authenticator = new Authenticator(new EphemeralDataProtectionProvider(), _clock);

    private long Step => _clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    private string CodeAt(TimeSpan offset) =>
        new Totp(Base32Encoding.ToBytes(Secret)).ComputeTotp((_clock.GetUtcNow() + offset).UtcDateTime);

    [Fact]
    public void The_current_code_and_its_neighbours_match_but_not_further()
    {
        Assert.Equal(Step, _authenticator.Match(Secret, CodeAt(TimeSpan.Zero), 0));
        Assert.Equal(Step - 1, _authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(-30)), 0));
        Assert.Equal(Step + 1, _authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(30)), 0));
        Assert.Null(_authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(-90)), 0));
        Assert.Null(_authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(90)), 0));
    }

    [Fact]
    public void A_code_of_a_step_already_used_is_refused()
    {
        var code = CodeAt(TimeSpan.Zero);

        Assert.Null(_authenticator.Match(Secret, code, lastUsedStep: Step));
        Assert.Null(_authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(-30)), lastUsedStep: Step));
        Assert.Equal(Step + 1, _authenticator.Match(Secret, CodeAt(TimeSpan.FromSeconds(30)), lastUsedStep: Step));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData(null)]
    public void Anything_but_six_digits_is_refused(string? typed) =>
        Assert.Null(_authenticator.Match(Secret, typed, 0));

    [Fact]
    public void Spaces_inside_a_code_do_not_matter()
    {
        var code = CodeAt(TimeSpan.Zero);
        Assert.Equal(Step, _authenticator.Match(Secret, $"{code[..3]} {code[3..]}", 0));
    }

    [Fact]
    public void The_secret_is_encrypted_at_rest_and_comes_back()
    {
        var stored = _authenticator.Protect(Secret);

        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.Equal(Secret, _authenticator.Unprotect(stored));
    }

    [Fact]
    public void An_enrolment_is_bound_to_its_person_and_to_half_an_hour()
    {
        var me = Guid.NewGuid();
        var field = _authenticator.ProtectForEnrolment(me, Secret);

        Assert.Equal(Secret, _authenticator.UnprotectForEnrolment(me, field));
        Assert.Null(_authenticator.UnprotectForEnrolment(Guid.NewGuid(), field));
        Assert.Null(_authenticator.UnprotectForEnrolment(me, field + "x"));
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(_authenticator.UnprotectForEnrolment(me, field));
    }

    [Fact]
    public void New_secrets_are_160_random_bits_and_the_app_address_names_the_issuer()
    {
        var secret = Authenticator.NewSecret();

        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        Assert.NotEqual(secret, Authenticator.NewSecret());
        Assert.Equal($"otpauth://totp/Pr%C3%A9au:claire.martin?secret={secret}&issuer=Pr%C3%A9au&digits=6&period=30", Authenticator.OtpAuthUri("claire.martin", secret));
        Assert.StartsWith("data:image/png;base64,iVBOR", Authenticator.QrDataUri(Authenticator.OtpAuthUri("claire.martin", secret)), StringComparison.Ordinal);
        Assert.Equal("JBSW Y3DP EHPK 3PXP", Authenticator.Grouped("JBSWY3DPEHPK3PXP"));
    }

    [Fact]
    public void Recovery_and_reset_codes_are_kept_as_keyed_hashes_per_purpose()
    {
        var codes = new Codes(new SecretKeys(new byte[32]));
        var other = new Codes(new SecretKeys(Enumerable.Repeat((byte)7, 32).ToArray()));

        Assert.Equal("K7PMX2QD", Codes.Normalize("k7pm-x2qd"));
        Assert.Equal("K7PMX-2QDAB", Codes.Format("K7PMX2QDAB"));
        Assert.Equal(codes.Hash("a", "K7PMX2QD"), codes.Hash("a", "K7PMX2QD"));
        Assert.NotEqual(codes.Hash("a", "K7PMX2QD"), codes.Hash("b", "K7PMX2QD"));
        Assert.NotEqual(codes.Hash("a", "K7PMX2QD"), other.Hash("a", "K7PMX2QD"));
        Assert.All(Enumerable.Range(0, 50).Select(_ => Codes.NewCode(10)), c => Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", c));
    }
}
