using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// The signed-in person's profile in the annuaire: mood, motto, and which personal details
/// those who reach them may read. Nothing is shown until the person says so.
/// </summary>
public sealed class MyProfile(PreauDbContext db, TimeProvider clock)
{
    public sealed record View(
        Mood? Mood, string? Motto, bool ShowEmail, bool ShowPhone, bool ShowBirthDate,
        string? Email, string? Phone, DateOnly? BirthDate, string? PhotoUrl);

    public sealed record Request(Mood? Mood, string? Motto, bool ShowEmail, bool ShowPhone, bool ShowBirthDate);

    /// <summary>The saved profile, or the fields in error with their message keys (DirectoryStrings).</summary>
    public sealed record Result(View? Saved, IReadOnlyDictionary<string, string[]>? Errors);

    public async Task<View?> GetAsync(Guid userId, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Phone, u.BirthDate }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var p = await db.Set<PersonProfile>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == userId, ct);
        return new View(p?.Mood, p?.Motto, p?.ShowEmail ?? false, p?.ShowPhone ?? false, p?.ShowBirthDate ?? false,
            person.Email, person.Phone, person.BirthDate, p?.PhotoTag is { } tag ? Face.PhotoPath(userId, tag) : null);
    }

    public async Task<Result> SaveAsync(Guid userId, Request request, CancellationToken ct)
    {
        var motto = Plain(request.Motto);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // Counted in UTF-16 units, as the form's maxlength counts and within what the column holds on both databases.
        if (motto is not null && motto.Length > PersonProfile.MottoMaxLength)
        {
            errors[nameof(Request.Motto)] = ["Profile.Error.MottoTooLong"];
        }

        if (request.Mood is { } mood && !Enum.IsDefined(mood))
        {
            errors[nameof(Request.Mood)] = ["Profile.Error.Mood"];
        }

        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var profile = await LoadOrAddAsync(db, userId, clock, ct);
        profile.Mood = request.Mood;
        profile.Motto = motto;
        profile.ShowEmail = request.ShowEmail;
        profile.ShowPhone = request.ShowPhone;
        profile.ShowBirthDate = request.ShowBirthDate;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new Result(await GetAsync(userId, ct), null);
    }

    /// <summary>The person's profile row, added (not yet saved) when they have none.</summary>
    internal static async Task<PersonProfile> LoadOrAddAsync(PreauDbContext db, Guid userId, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.Set<PersonProfile>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new PersonProfile { UserId = userId, UpdatedAt = clock.GetUtcNow() };
            db.Add(profile);
        }

        return profile;
    }

    /// <summary>One line of plain text: controls and line breaks become spaces, runs of spaces one; empty is none.</summary>
    private static string? Plain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c);
            if (space && plain.Length > 0 && plain[^1] == ' ')
            {
                continue;
            }

            plain.Append(space ? ' ' : c);
        }

        return plain.ToString();
    }
}
