using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Provisioning.Planning;

/// <summary>
/// Finds or plans the parents a file names, from a parents file or from the responsables'
/// columns of a pupils file: the same parent on several lines (siblings) is one account.
/// </summary>
internal sealed class RelativeMatcher
{
    private readonly DirectorySnapshot _directory;
    private readonly ImportPlan _plan;
    private readonly Dictionary<Guid, PersonPlan> _byUser;
    private readonly Func<Guid> _newId;
    private readonly Dictionary<string, User> _byId;
    private readonly ILookup<string, User> _byName;
    private readonly ILookup<Guid, Guid> _relativesOf;
    private readonly HashSet<(Guid, Guid)> _links;
    private readonly Dictionary<string, PersonPlan> _inFile = new(StringComparer.Ordinal);

    public RelativeMatcher(DirectorySnapshot directory, ImportPlan plan, Dictionary<Guid, PersonPlan> byUser, Func<Guid> newId)
    {
        _directory = directory;
        _plan = plan;
        _byUser = byUser;
        _newId = newId;
        var relatives = directory.Candidates(Profile.Relative)
            .Concat(directory.People.Values.Where(u => u.Profile == Profile.Relative)).Distinct().ToList();
        _byId = relatives.Where(u => u.ExternalId is not null).GroupBy(u => u.ExternalId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byName = relatives.ToLookup(u => Reading.Values.NameKey(u.LastName, u.FirstName));
        _relativesOf = directory.Links.ToLookup(l => l.StudentId, l => l.RelativeId);
        _links = directory.Links.Select(l => (l.RelativeId, l.StudentId)).ToHashSet();
    }

    public void Add(int line, string last, string first, string? email, string? phone, string? externalId, PersonPlan child)
    {
        var nameKey = Reading.Values.NameKey(last, first);
        var key = externalId ?? nameKey + "|" + (email ?? phone ?? "");
        if (!_inFile.TryGetValue(key, out var person) && externalId is null && email is null && phone is null)
        {
            // Without an id or a contact, the same name in one school's file is the same parent.
            person = _inFile.Where(p => p.Key.StartsWith(nameKey + "|", StringComparison.Ordinal)).Select(p => p.Value).FirstOrDefault();
        }

        if (person is null)
        {
            var existing = Match(nameKey, email, phone, externalId, child);
            person = existing is not null ? _byUser.GetValueOrDefault(existing.Id) : null;
            if (person is null)
            {
                person = new PersonPlan
                {
                    Id = existing?.Id ?? _newId(), Line = line, Profile = Profile.Relative, Existing = existing,
                    LastName = last, FirstName = first, Email = email, Phone = phone, ExternalId = externalId,
                };
                if (existing is not null)
                {
                    Compare(person, existing, _directory);
                    _byUser[existing.Id] = person;
                }

                _plan.People.Add(person);
            }

            _inFile[key] = person;
        }
        else
        {
            // A later line may bring the contact an earlier one lacked.
            if (person.Email is null && email is not null)
            {
                person.Email = email;
                if (person.Existing is not null && !string.Equals(email, person.Existing.Email, StringComparison.Ordinal) && !person.Changes.Contains(Reading.ImportField.Email))
                {
                    person.Changes.Add(Reading.ImportField.Email);
                }
            }

            if (person.Phone is null && phone is not null)
            {
                person.Phone = phone;
                if (person.Existing is not null && !string.Equals(phone, person.Existing.Phone, StringComparison.Ordinal) && !person.Changes.Contains(Reading.ImportField.Phone))
                {
                    person.Changes.Add(Reading.ImportField.Phone);
                }
            }
        }

        if (_links.Add((person.Id, child.Id)))
        {
            _plan.NewLinks.Add((person.Id, child.Id));
        }
    }

    /// <summary>A parent whose line is wrong is not detached for it.</summary>
    public void Protect(string last, string first, string? externalId, HashSet<Guid> seen)
    {
        if (externalId is not null && _byId.TryGetValue(externalId, out var byId))
        {
            seen.Add(byId.Id);
        }

        foreach (var same in _byName[Reading.Values.NameKey(last, first)])
        {
            seen.Add(same.Id);
        }
    }

    private User? Match(string nameKey, string? email, string? phone, string? externalId, PersonPlan child)
    {
        if (externalId is not null && _byId.TryGetValue(externalId, out var byId))
        {
            return byId;
        }

        // Accounts another line of the file already took are someone else (two parents of one child may share a name).
        var sameName = _byName[nameKey].Where(u => (externalId is null || u.ExternalId is null) && !_byUser.ContainsKey(u.Id)).ToList();
        var ofChild = _relativesOf[child.Id].ToHashSet();
        var theirs = sameName.Where(u => ofChild.Contains(u.Id)).ToList();
        var match = (email is null ? null : theirs.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.Ordinal)))
            ?? (phone is null ? null : theirs.FirstOrDefault(u => string.Equals(u.Phone, phone, StringComparison.Ordinal)))
            ?? theirs.FirstOrDefault()
            ?? (email is null ? null : sameName.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.Ordinal)));
        if (match is null && email is not null && _directory.RelativesByEmail.TryGetValue(email, out var elsewhere))
        {
            // A parent with an account at another school (a sibling there): the same person.
            match = elsewhere.FirstOrDefault(u => Reading.Values.NameKey(u.LastName, u.FirstName) == nameKey && (externalId is null || u.ExternalId is null) && !_byUser.ContainsKey(u.Id));
        }

        return match;
    }

    /// <summary>Which fields the file changes; an empty cell never erases what the person or the school typed.</summary>
    public static void Compare(PersonPlan person, User existing, DirectorySnapshot directory)
    {
        if (!string.Equals(person.LastName, existing.LastName, StringComparison.Ordinal))
        {
            person.Changes.Add(Reading.ImportField.LastName);
        }

        if (!string.Equals(person.FirstName, existing.FirstName, StringComparison.Ordinal))
        {
            person.Changes.Add(Reading.ImportField.FirstName);
        }

        if (person.BirthDate is not null && person.BirthDate != existing.BirthDate)
        {
            person.Changes.Add(Reading.ImportField.BirthDate);
        }

        if (person.Email is not null && !string.Equals(person.Email, existing.Email, StringComparison.Ordinal))
        {
            person.Changes.Add(Reading.ImportField.Email);
        }

        if (person.Phone is not null && !string.Equals(person.Phone, existing.Phone, StringComparison.Ordinal))
        {
            person.Changes.Add(Reading.ImportField.Phone);
        }

        if (person.ExternalId is not null && !string.Equals(person.ExternalId, existing.ExternalId, StringComparison.Ordinal))
        {
            person.Changes.Add(Reading.ImportField.ExternalId);
        }

        person.Restores = directory.Detachments.ContainsKey(existing.Id);
    }
}
