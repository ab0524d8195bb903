using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Planning;

/// <summary>
/// Turns a read file into an <see cref="ImportPlan"/> against a structure's directory, in memory.
/// Matching: the external id first; else, for pupils, last name + first name + birth date; for
/// parents, their name among the parents of the child the line names (or their name + email);
/// for staff, their name + email (or the name alone when either side has no email).
/// </summary>
public sealed class ImportPlanner(DirectorySnapshot directory, ImportKind kind, CsvTable table, ColumnMapping mapping, Func<Guid> newId, bool detachAbsent = true)
{
    public const int MaxNameLength = 100;
    public const int MaxIdLength = 60;

    private readonly ImportPlan _plan = new() { Kind = kind, Directory = directory, DataLines = table.Rows.Count };
    private readonly HashSet<Guid> _seen = [];
    private readonly Dictionary<string, ClassPlan> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PersonPlan> _byUser = [];

    private Structure Structure => directory.Structure;

    public ImportPlan Plan()
    {
        foreach (var c in directory.CurrentClasses)
        {
            _classes.TryAdd(Values.ClassKey(c.Name), new ClassPlan { Id = c.Id, Name = c.Name, Level = c.Level });
        }

        switch (kind)
        {
            case ImportKind.Pupils:
                PlanPupils();
                break;
            case ImportKind.Relatives:
                PlanRelatives();
                break;
            default:
                PlanStaff();
                break;
        }

        if (detachAbsent)
        {
            PlanDetachments();
        }

        _plan.Rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return _plan;
    }

    private Profile[] Profiles => kind switch
    {
        ImportKind.Pupils => [Profile.Student],
        ImportKind.Relatives => [Profile.Relative],
        _ => [Profile.Teacher, Profile.Personnel],
    };

    private string Cell(CsvRow row, ImportField field) =>
        mapping.ColumnOf(field) is { } c && c < row.Fields.Count ? row.Fields[c].Trim() : "";

    private string? ExternalId(string value, char letter) =>
        value.Length == 0 ? null : $"{Structure.Uai}:{letter}:{value}";

    private void Reject(CsvRow row, RejectReason reason, string? detail = null)
    {
        var name = $"{Cell(row, ImportField.FirstName)} {Cell(row, ImportField.LastName)}".Trim();
        _plan.Rejected.Add(new Rejection(row.Line, reason, name.Length == 0 ? null : name, detail));
    }

    /// <summary>Reads the name cells; rejects the line when a name is missing or too long.</summary>
    private bool TryNames(CsvRow row, out string last, out string first)
    {
        last = Values.Name(Cell(row, ImportField.LastName));
        first = Values.Name(Cell(row, ImportField.FirstName));
        if (last.Length == 0 || first.Length == 0)
        {
            Reject(row, RejectReason.MissingName);
            return false;
        }

        if (last.Length > MaxNameLength || first.Length > MaxNameLength)
        {
            Reject(row, RejectReason.NameTooLong);
            return false;
        }

        return true;
    }

    private bool TryId(CsvRow row, ImportField field, char letter, out string? id)
    {
        var value = Cell(row, field);
        id = ExternalId(value, letter);
        if (value.Length > MaxIdLength)
        {
            Reject(row, RejectReason.IdTooLong);
            return false;
        }

        return true;
    }

    /// <summary>A class of the current year by name, or a new one when its level suits the structure.</summary>
    private ClassPlan? ResolveClass(CsvRow row, string name, ClassLevel? level, bool mayCreate)
    {
        var key = Values.ClassKey(name);
        if (_classes.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var resolved = level ?? Values.LevelOfClassName(name);
        if (!mayCreate || resolved is null)
        {
            Reject(row, RejectReason.UnknownClass, name);
            return null;
        }

        if (!Structure.Type.Accepts(resolved.Value))
        {
            Reject(row, RejectReason.UnsuitableClass, name);
            return null;
        }

        if (name.Length > 100)
        {
            Reject(row, RejectReason.UnknownClass, name[..100]);
            return null;
        }

        var created = new ClassPlan { Id = newId(), Name = Values.ClassName(name), Level = resolved.Value, IsNew = true };
        _classes[key] = created;
        _plan.NewClasses.Add(created);
        return created;
    }

    private void PlanPupils()
    {
        var pupils = directory.Candidates(Profile.Student).ToList();
        var byId = pupils.Where(u => u.ExternalId is not null).ToDictionary(u => u.ExternalId!, StringComparer.Ordinal);
        var byName = pupils.ToLookup(u => (Values.NameKey(u.LastName, u.FirstName), u.BirthDate));
        var byNameOnly = pupils.ToLookup(u => Values.NameKey(u.LastName, u.FirstName));
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var relatives = new RelativeMatcher(directory, _plan, _byUser, newId);

        // The level a new class takes: the first "Niveau" cell of its pupils, else its name.
        var levels = new Dictionary<string, ClassLevel>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => r.Problem is null))
        {
            if (Values.Level(Cell(row, ImportField.Level)) is { } level)
            {
                levels.TryAdd(Values.ClassKey(Cell(row, ImportField.ClassName)), level);
            }
        }

        foreach (var row in table.Rows)
        {
            if (row.Problem is { } problem)
            {
                _plan.Rejected.Add(new Rejection(row.Line, problem, null, row.Detail));
                continue;
            }

            if (!TryNames(row, out var last, out var first) || !TryId(row, ImportField.ExternalId, 'e', out var externalId))
            {
                continue;
            }

            var nameKey = Values.NameKey(last, first);
            void Protect()
            {
                // A pupil whose line is wrong is still at school: never detach them for a typo.
                if (externalId is not null && byId.TryGetValue(externalId, out var u))
                {
                    _seen.Add(u.Id);
                }

                foreach (var same in byNameOnly[nameKey])
                {
                    _seen.Add(same.Id);
                }
            }

            var birthText = Cell(row, ImportField.BirthDate);
            var birth = Values.Date(birthText);
            if (birth is null)
            {
                Reject(row, birthText.Length == 0 ? RejectReason.MissingBirthDate : RejectReason.BadDate, birthText.Length == 0 ? null : birthText);
                Protect();
                continue;
            }

            var className = Values.ClassName(Cell(row, ImportField.ClassName));
            if (className.Length == 0)
            {
                Reject(row, RejectReason.MissingClass);
                Protect();
                continue;
            }

            var email = Values.Email(Cell(row, ImportField.Email));
            if (email is not null && !Values.IsPlausibleEmail(email))
            {
                Reject(row, RejectReason.BadEmail, email);
                Protect();
                continue;
            }

            var schoolClass = ResolveClass(row, className, levels.TryGetValue(Values.ClassKey(className), out var level) ? level : null, mayCreate: true);
            if (schoolClass is null)
            {
                Protect();
                continue;
            }

            var fileKey = externalId ?? $"{nameKey}|{birth:yyyy-MM-dd}";
            if (inFile.TryGetValue(fileKey, out var firstLine))
            {
                Reject(row, RejectReason.DuplicateInFile, firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            inFile[fileKey] = row.Line;
            var existing = externalId is not null && byId.TryGetValue(externalId, out var found)
                ? found
                : byName[(nameKey, birth)].FirstOrDefault(u => (externalId is null || u.ExternalId is null) && !_byUser.ContainsKey(u.Id));
            if (existing is not null && _byUser.TryGetValue(existing.Id, out var other))
            {
                Reject(row, RejectReason.DuplicateInFile, other.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var person = Person(row.Line, Profile.Student, existing, last, first, birth, email, null, externalId);
            person.Classes = [schoolClass];

            foreach (var (lastField, firstField, emailField, phoneField) in new[]
            {
                (ImportField.Relative1LastName, ImportField.Relative1FirstName, ImportField.Relative1Email, ImportField.Relative1Phone),
                (ImportField.Relative2LastName, ImportField.Relative2FirstName, ImportField.Relative2Email, ImportField.Relative2Phone),
            })
            {
                var rLast = Values.Name(Cell(row, lastField));
                var rFirst = Values.Name(Cell(row, firstField));
                if (rLast.Length == 0 || rFirst.Length == 0 || rLast.Length > MaxNameLength || rFirst.Length > MaxNameLength)
                {
                    continue;
                }

                var rEmail = Values.Email(Cell(row, emailField));
                relatives.Add(row.Line, rLast, rFirst, rEmail is not null && Values.IsPlausibleEmail(rEmail) ? rEmail : null,
                    Values.Phone(Cell(row, phoneField)), null, person);
            }
        }
    }

    private void PlanRelatives()
    {
        var pupils = directory.Candidates(Profile.Student).Where(u => !directory.Detachments.ContainsKey(u.Id)).ToList();
        var pupilsById = pupils.Where(u => u.ExternalId is not null).ToDictionary(u => u.ExternalId!, StringComparer.Ordinal);
        var pupilsByName = pupils.ToLookup(u => Values.NameKey(u.LastName, u.FirstName));
        var relatives = new RelativeMatcher(directory, _plan, _byUser, newId);
        var pairs = new Dictionary<(string, Guid), int>();

        foreach (var row in table.Rows)
        {
            if (row.Problem is { } problem)
            {
                _plan.Rejected.Add(new Rejection(row.Line, problem, null, row.Detail));
                continue;
            }

            if (!TryNames(row, out var last, out var first) || !TryId(row, ImportField.ExternalId, 'r', out var externalId))
            {
                continue;
            }

            var email = Values.Email(Cell(row, ImportField.Email));
            if (email is not null && !Values.IsPlausibleEmail(email))
            {
                Reject(row, RejectReason.BadEmail, email);
                relatives.Protect(last, first, externalId, _seen);
                continue;
            }

            // The child: by the pupil's id, else by name (and birth date when given).
            User? child = null;
            var childId = ExternalId(Cell(row, ImportField.ChildExternalId), 'e');
            var childName = $"{Cell(row, ImportField.ChildFirstName)} {Cell(row, ImportField.ChildLastName)}".Trim();
            if (childId is not null)
            {
                pupilsById.TryGetValue(childId, out child);
            }

            if (child is null && Cell(row, ImportField.ChildLastName).Length > 0 && Cell(row, ImportField.ChildFirstName).Length > 0)
            {
                var birthText = Cell(row, ImportField.ChildBirthDate);
                var birth = Values.Date(birthText);
                if (birthText.Length > 0 && birth is null)
                {
                    Reject(row, RejectReason.BadDate, birthText);
                    relatives.Protect(last, first, externalId, _seen);
                    continue;
                }

                var candidates = pupilsByName[Values.NameKey(Cell(row, ImportField.ChildLastName), Cell(row, ImportField.ChildFirstName))]
                    .Where(u => birth is null || u.BirthDate == birth).ToList();
                if (candidates.Count > 1)
                {
                    Reject(row, RejectReason.AmbiguousChild, childName);
                    relatives.Protect(last, first, externalId, _seen);
                    continue;
                }

                child = candidates.FirstOrDefault();
            }

            if (child is null)
            {
                Reject(row, RejectReason.UnknownChild, childName.Length > 0 ? childName : Cell(row, ImportField.ChildExternalId));
                relatives.Protect(last, first, externalId, _seen);
                continue;
            }

            var parentKey = externalId ?? Values.NameKey(last, first) + "|" + (email ?? Values.Phone(Cell(row, ImportField.Phone)) ?? child.Id.ToString());
            if (pairs.TryGetValue((parentKey, child.Id), out var firstLine))
            {
                Reject(row, RejectReason.DuplicateInFile, firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            pairs[(parentKey, child.Id)] = row.Line;
            var childPlan = _byUser.GetValueOrDefault(child.Id) ?? new PersonPlan
            {
                Id = child.Id, Line = row.Line, Profile = Profile.Student, Existing = child, LastName = child.LastName, FirstName = child.FirstName,
            };
            relatives.Add(row.Line, last, first, email, Values.Phone(Cell(row, ImportField.Phone)), externalId, childPlan);
        }

        foreach (var person in _plan.People)
        {
            if (person.Existing is not null)
            {
                _seen.Add(person.Existing.Id);
            }
        }
    }

    private void PlanStaff()
    {
        var staff = directory.Candidates(Profile.Teacher, Profile.Personnel).ToList();
        var byId = staff.Where(u => u.ExternalId is not null).ToDictionary(u => u.ExternalId!, StringComparer.Ordinal);
        var byName = staff.ToLookup(u => Values.NameKey(u.LastName, u.FirstName));
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var manageClasses = mapping.Has(ImportField.ClassName);
        var manageSubjects = mapping.Has(ImportField.Subjects);
        var teaching = directory.Groups.Values.Where(g => g.Kind == GroupKind.Teaching).ToList();

        foreach (var row in table.Rows)
        {
            if (row.Problem is { } problem)
            {
                _plan.Rejected.Add(new Rejection(row.Line, problem, null, row.Detail));
                continue;
            }

            if (!TryNames(row, out var last, out var first) || !TryId(row, ImportField.ExternalId, 's', out var externalId))
            {
                continue;
            }

            var nameKey = Values.NameKey(last, first);
            var email = Values.Email(Cell(row, ImportField.Email));
            void Protect()
            {
                foreach (var same in byName[nameKey])
                {
                    _seen.Add(same.Id);
                }
            }

            if (email is not null && !Values.IsPlausibleEmail(email))
            {
                Reject(row, RejectReason.BadEmail, email);
                Protect();
                continue;
            }

            List<ClassPlan>? classes = null;
            if (manageClasses)
            {
                classes = [];
                foreach (var name in Values.List(Cell(row, ImportField.ClassName)))
                {
                    if (ResolveClass(row, name, null, mayCreate: false) is { } c)
                    {
                        classes.Add(c);
                    }
                    else
                    {
                        classes = null;
                        break;
                    }
                }

                if (classes is null)
                {
                    Protect();
                    continue;
                }
            }

            var fileKey = externalId ?? nameKey + "|" + email;
            if (inFile.TryGetValue(fileKey, out var firstLine))
            {
                Reject(row, RejectReason.DuplicateInFile, firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            inFile[fileKey] = row.Line;
            var profile = mapping.Has(ImportField.Profile) ? Values.StaffProfile(Cell(row, ImportField.Profile)) : Profile.Teacher;
            var existing = externalId is not null && byId.TryGetValue(externalId, out var found)
                ? found
                : byName[nameKey].FirstOrDefault(u => (email is null || u.Email is null || u.Email == email)
                    && (externalId is null || u.ExternalId is null) && !_byUser.ContainsKey(u.Id));
            if (existing is not null && _byUser.ContainsKey(existing.Id))
            {
                Reject(row, RejectReason.DuplicateInFile);
                continue;
            }

            var person = Person(row.Line, existing?.Profile ?? profile, existing, last, first, null, email, Values.Phone(Cell(row, ImportField.Phone)), externalId);
            person.Classes = classes;
            if (manageSubjects)
            {
                var subjects = Values.List(Cell(row, ImportField.Subjects));
                person.Subjects = [.. subjects.SelectMany(s => classes is { Count: > 0 }
                    ? classes.Select(c => ((ClassPlan?)c, s))
                    : [((ClassPlan?)null, s)])];
                if (existing is not null)
                {
                    var now = directory.GroupsOf(existing.Id).Select(id => directory.Groups[id]).Where(g => g.Kind == GroupKind.Teaching)
                        .Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
                    var wanted = person.Subjects.Select(s => TeachingGroupName(s.Class, s.Subject)).ToHashSet(StringComparer.Ordinal);
                    if (!now.SetEquals(wanted))
                    {
                        person.Changes.Add(ImportField.Subjects);
                    }
                }

                _plan.OtherChanges += person.Subjects
                    .Select(s => TeachingGroupName(s.Class, s.Subject))
                    .Count(name => !teaching.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal)));
            }
        }
    }

    /// <summary>"CM1 A · Anglais", or the subject alone for a teacher without classes.</summary>
    public static string TeachingGroupName(ClassPlan? schoolClass, string subject) =>
        schoolClass is null ? subject : $"{schoolClass.Name} · {subject}";

    private PersonPlan Person(int line, Profile profile, User? existing, string last, string first, DateOnly? birth, string? email, string? phone, string? externalId)
    {
        var person = new PersonPlan
        {
            Id = existing?.Id ?? newId(),
            Line = line,
            Profile = profile,
            Existing = existing,
            LastName = last,
            FirstName = first,
            BirthDate = birth,
            Email = email,
            Phone = phone,
            ExternalId = externalId,
            PreviousClasses = existing is null ? [] : [.. directory.CurrentClassesOf(existing)],
        };
        if (existing is not null)
        {
            RelativeMatcher.Compare(person, existing, directory);
            _seen.Add(existing.Id);
            _byUser[existing.Id] = person;
        }

        _plan.People.Add(person);
        return person;
    }

    private void PlanDetachments()
    {
        foreach (var user in directory.Members(Profiles).Where(u => !_seen.Contains(u.Id)).OrderBy(u => u.LastName, StringComparer.Ordinal).ThenBy(u => u.FirstName, StringComparer.Ordinal))
        {
            (directory.Admins.Contains(user.Id) ? _plan.KeptAdmins : _plan.Detach).Add(user);
        }
    }
}
