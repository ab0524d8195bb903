using Preau.Account.Features;

namespace Preau.IntegrationTests.Activation;

/// <summary>The optional email and phone of activation: checked and stored in one form.</summary>
public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("01-23-45-67-89", "+33123456789")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void A_phone_number_is_stored_in_e164(string typed, string? stored)
    {
        Assert.True(ActivateContactDetails.TryPhone(typed, out var phone));
        Assert.Equal(stored, phone);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("06 12 34 56")]
    [InlineData("00 12 34 56 78")]
    [InlineData("06 12 34 56 78 9")]
    [InlineData("+33 0 12 34 56 78")]
    [InlineData("06 12 AB 56 78")]
    [InlineData("+0 123 456 789")]
    public void A_phone_number_that_is_not_one_is_refused(string typed) =>
        Assert.False(ActivateContactDetails.TryPhone(typed, out _));

    [Theory]
    [InlineData(" Parent@Example.FR ", "parent@example.fr")]
    [InlineData("", null)]
    public void An_email_is_trimmed_and_lower_cased(string typed, string? stored)
    {
        Assert.True(ActivateContactDetails.TryEmail(typed, out var email));
        Assert.Equal(stored, email);
    }

    [Theory]
    [InlineData("not an email")]
    [InlineData("parent@localhost")]
    [InlineData("Parent <parent@example.fr>")]
    [InlineData("parent@example.")]
    public void An_email_that_is_not_one_is_refused(string typed) =>
        Assert.False(ActivateContactDetails.TryEmail(typed, out _));
}
