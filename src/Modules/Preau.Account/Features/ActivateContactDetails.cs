using System.Net.Mail;
using System.Text;

namespace Preau.Account.Features;

/// <summary>
/// The optional email and phone given at activation: checked, and stored in one form (lower-case
/// email; phone in E.164, French numbers written "06 12 34 56 78" becoming "+33612345678").
/// Empty is fine: both are optional.
/// </summary>
public static class ActivateContactDetails
{
    public static bool TryEmail(string? typed, out string? email)
    {
        email = null;
        var value = (typed ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value
            || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
        {
            return false;
        }

        email = value.ToLowerInvariant();
        return true;
    }

    public static bool TryPhone(string? typed, out string? phone)
    {
        phone = null;
        var value = (typed ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Length > 32)
        {
            return false;
        }

        // "+33 (0)6 12 34 56 78": the "(0)" is the national prefix written for French readers.
        value = value.Replace("(0)", string.Empty, StringComparison.Ordinal);
        var digits = new StringBuilder();
        var international = false;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '\u00A0' or '\u202F'))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            // A French national number: ten digits, a leading 0, then 1 to 9.
            if (number.Length != 10 || number[0] != '0' || number[1] == '0')
            {
                return false;
            }

            phone = "+33" + number[1..];
            return true;
        }

        if (number.StartsWith("33", StringComparison.Ordinal))
        {
            var national = number[2..];
            if (national.StartsWith('0'))
            {
                national = national[1..];
            }

            if (national.Length != 9 || national[0] == '0')
            {
                return false;
            }

            phone = "+33" + national;
            return true;
        }

        // Another country: E.164 allows up to 15 digits, country code first (never 0); fewer
        // than nine is no mobile number anywhere.
        if (number.Length is < 9 or > 15 || number[0] == '0')
        {
            return false;
        }

        phone = "+" + number;
        return true;
    }
}
