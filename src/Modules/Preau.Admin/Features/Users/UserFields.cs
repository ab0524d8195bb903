using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>The checks shared by creating and editing a person: names, email, phone, birth date, external id.</summary>
internal static class UserFields
{
    public sealed record Clean(string FirstName, string LastName, string? Email, string? Phone, string? ExternalId);

    public static async Task<Clean> CheckAsync(
        PreauDbContext db, string? firstName, string? lastName, string? email, string? phone, DateOnly? birthDate, string? externalId,
        Guid? self, DateOnly today, Problems problems, CancellationToken ct)
    {
        var first = (firstName ?? "").Trim();
        var last = (lastName ?? "").Trim();
        if (first.Length == 0 || first.Length > 100 || !first.Any(char.IsLetterOrDigit))
        {
            problems.Add("FirstName", first.Length > 100 ? "Error.TooLong" : "Error.Required");
        }

        if (last.Length == 0 || last.Length > 100 || !last.Any(char.IsLetterOrDigit))
        {
            problems.Add("LastName", last.Length > 100 ? "Error.TooLong" : "Error.Required");
        }

        var mail = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        if (mail is not null && (mail.Length > 254 || !MailAddress.TryCreate(mail, out var parsed) || !string.Equals(parsed.Address, mail, StringComparison.Ordinal)))
        {
            problems.Add("Email", "Error.Email");
        }

        var tel = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (tel is not null && (tel.Length > 32 || !tel.All(c => char.IsDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')')))
        {
            problems.Add("Phone", "Error.Phone");
        }

        if (birthDate is { } born && (born.Year < 1900 || born > today))
        {
            problems.Add("BirthDate", "Error.BirthDate");
        }

        var external = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (external is not null)
        {
            if (external.Length > 80)
            {
                problems.Add("ExternalId", "Error.TooLong");
            }
            else if (await db.Users.AnyAsync(u => u.ExternalId == external && u.Id != self, ct))
            {
                problems.Add("ExternalId", "Error.ExternalIdTaken");
            }
        }

        return new Clean(first, last, mail, tel, external);
    }
}
