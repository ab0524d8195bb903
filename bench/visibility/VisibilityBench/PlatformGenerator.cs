using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Bench.Visibility;

/// <summary>What to generate: the platform's size and its one big structure.</summary>
public sealed record GeneratorOptions
{
    public int Accounts { get; init; } = 100_000;
    public int Seed { get; init; } = 2026;
    public int BigPupils { get; init; } = 1_200;
    public int BigParents { get; init; } = 2_200;
    public int BigStaff { get; init; } = 120;
    public int BigClasses { get; init; } = 35;
}

/// <summary>
/// A city's platform written straight to the database: one big lycée (first) and as many
/// ordinary maternelles, élémentaires, primaires and collèges as it takes to reach the number
/// of accounts. Structures, classes, groups with their communication defaults, links, direct
/// rules and people are made by the product's own <see cref="DirectoryWriter"/> on a context
/// that is never saved; memberships and parent links follow the writer's invariants (a pupil
/// is in the groups of their class and school, a parent in those of their children's classes
/// and schools, a teacher in those of the classes they teach); then <see cref="BulkWriter"/>
/// writes the rows. Who is where, their names and logins are deterministic from the seed;
/// row ids are fresh version-7 GUIDs, as the product makes them.
/// </summary>
public sealed class PlatformGenerator(IServiceProvider services, GeneratorOptions options)
{
    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, int> _logins = new(StringComparer.Ordinal);
    private readonly List<Family> _families = [];
    private Names _names = null!;
    private int _accounts;

    public async Task<GeneratedPlatform> GenerateAsync(CancellationToken ct = default)
    {
        _names = new Names(_random);
        var watch = Stopwatch.StartNew();
        var platform = new GeneratedPlatform();
        await using (var scope = services.CreateAsyncScope())
        {
            await using var bulk = await BulkWriter.OpenAsync(scope.ServiceProvider.GetRequiredService<PreauDbContext>(), ct);
            platform.Schools.Add(await SchoolAsync(bulk, platform, BigLycee(), ct));
            for (var n = 1; _accounts < options.Accounts; n++)
            {
                platform.Schools.Add(await SchoolAsync(bulk, platform, Ordinary(n), ct));
            }

            await bulk.CompleteAsync(ct);
            platform.Rows = bulk.Rows;
        }

        platform.Accounts = _accounts;
        platform.Elapsed = watch.Elapsed;
        return platform;
    }

    private SchoolSpec BigLycee()
    {
        // 35 classes over the three levels, 1,200 pupils spread evenly; most pupils with two
        // responsables so that the parents number exactly BigParents.
        var levels = Enumerable.Range(0, options.BigClasses).Select(i => ClassLevel.Seconde + i * 3 / options.BigClasses).ToList();
        var teachers = options.BigStaff * 4 / 5;
        return new SchoolSpec("Lycée Simone Veil", StructureType.Lycee, levels, Pupils: Spread(options.BigPupils, levels.Count),
            Teachers: teachers, Personnel: options.BigStaff - teachers, Periscolaire: 0, TeachersPerClass: Math.Min(11, teachers),
            TeachingGroupsPerPupil: 3, TwoParents: options.BigParents - options.BigPupils, Big: true);
    }

    private SchoolSpec Ordinary(int n)
    {
        var roll = _random.NextDouble();
        var (type, kind) = roll switch
        {
            < 0.30 => (StructureType.Maternelle, "École maternelle"),
            < 0.65 => (StructureType.Elementaire, "École élémentaire"),
            < 0.75 => (StructureType.Primaire, "École primaire"),
            _ => (StructureType.College, "Collège"),
        };
        var (first, last, classes, size) = type switch
        {
            StructureType.Maternelle => (ClassLevel.PS, ClassLevel.GS, _random.Next(3, 7), (24, 29)),
            StructureType.Elementaire => (ClassLevel.CP, ClassLevel.CM2, _random.Next(5, 16), (22, 28)),
            StructureType.Primaire => (ClassLevel.PS, ClassLevel.CM2, _random.Next(6, 13), (22, 28)),
            _ => (ClassLevel.Sixieme, ClassLevel.Troisieme, _random.Next(16, 29), (24, 31)),
        };
        var span = last - first + 1;
        var levels = Enumerable.Range(0, classes).Select(i => first + i * span / classes).ToList();
        var pupils = levels.Select(_ => _random.Next(size.Item1, size.Item2)).ToList();
        var name = $"{kind} {Places[n % Places.Length]} {n.ToString(CultureInfo.InvariantCulture)}";
        var maternelleClasses = levels.Count(l => l <= ClassLevel.GS);
        return type == StructureType.College
            ? new SchoolSpec(name, type, levels, pupils, Teachers: classes * 9 / 5, Personnel: _random.Next(10, 17), Periscolaire: 0,
                TeachersPerClass: 9, TeachingGroupsPerPupil: 1, TwoParents: -1, Big: false)
            : new SchoolSpec(name, type, levels, pupils, Teachers: classes + _random.Next(0, 3),
                Personnel: 1 + maternelleClasses + _random.Next(0, 2), Periscolaire: _random.Next(2, 7),
                TeachersPerClass: 1, TeachingGroupsPerPupil: 0, TwoParents: -1, Big: false);
    }

    private async Task<GeneratedSchool> SchoolAsync(BulkWriter bulk, GeneratedPlatform platform, SchoolSpec spec, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
        var staging = new Staging(db, this);

        var uai = (platform.Schools.Count + 1).ToString("D7", CultureInfo.InvariantCulture) + "B";
        var structure = writer.CreateStructure(spec.Name, uai, spec.Type);
        var school = new GeneratedSchool(structure.Id, structure.Name, structure.Type, spec.Big);
        staging.StructureGroups = db.Groups.Local.Where(g => g.StructureId == structure.Id && g.ClassId == null && g.Kind == GroupKind.Profile)
            .ToDictionary(g => g.Profile!.Value, g => g.Id);

        var counters = new Dictionary<ClassLevel, int>();
        foreach (var level in spec.Levels)
        {
            counters[level] = counters.GetValueOrDefault(level) + 1;
            var (schoolClass, groups) = writer.CreateClass(structure, $"{LevelName(level)} {(char)('A' + counters[level] - 1)}", level);
            var generated = new GeneratedClass(schoolClass.Id, schoolClass.Name, level);
            school.Classes.Add(generated);
            staging.ClassGroups[schoolClass.Id] = groups.ToDictionary(g => g.Profile!.Value, g => g.Id);
        }

        // Staff first: teachers are spread over the classes (each class gets TeachersPerClass of them).
        var teachers = Enumerable.Range(0, spec.Teachers).Select(_ => staging.Person(writer, _names.Adult(), _names.Last(), Profile.Teacher, school)).ToList();
        school.Teachers.AddRange(teachers);
        for (var c = 0; c < school.Classes.Count; c++)
        {
            var schoolClass = school.Classes[c];
            for (var k = 0; k < spec.TeachersPerClass && teachers.Count > 0; k++)
            {
                var teacher = teachers[(c * spec.TeachersPerClass + k * 7) % teachers.Count];
                if (!schoolClass.Teachers.Contains(teacher))
                {
                    schoolClass.Teachers.Add(teacher);
                    staging.AddToClass(teacher, Profile.Teacher, schoolClass.Id);
                }
            }
        }

        foreach (var teacher in teachers.Where(t => !school.Classes.Any(c => c.Teachers.Contains(t))))
        {
            staging.AddToStructure(teacher, Profile.Teacher);
        }

        for (var i = 0; i < spec.Personnel; i++)
        {
            var id = staging.Person(writer, _names.Adult(), _names.Last(), Profile.Personnel, school);
            school.Personnel.Add(id);
            staging.AddToStructure(id, Profile.Personnel);
        }

        for (var i = 0; i < spec.Periscolaire; i++)
        {
            var id = staging.Person(writer, _names.Adult(), _names.Last(), Profile.Periscolaire, school);
            school.Periscolaire.Add(id);
            staging.AddToStructure(id, Profile.Periscolaire);
        }

        // Pupils, each with one or two responsables; some share them with an older brother or
        // sister met before (in this school or another), as families do.
        var twoParentsLeft = spec.TwoParents;
        var pupilsLeft = spec.Pupils.Sum();
        for (var c = 0; c < school.Classes.Count; c++)
        {
            var schoolClass = school.Classes[c];
            for (var i = 0; i < spec.Pupils[c]; i++)
            {
                var family = spec.Big ? null : Sibling();
                var last = family?.LastName ?? _names.Last();
                var pupil = staging.Person(writer, _names.Child(), last, Profile.Student, school, BirthDate(schoolClass.Level));
                schoolClass.Pupils.Add(pupil);
                staging.AddToClass(pupil, Profile.Student, schoolClass.Id);
                if (family is null)
                {
                    // Exactly TwoParents pupils with two when the count is given (selection sampling), 85 % otherwise.
                    var two = spec.TwoParents < 0 ? _random.NextDouble() < 0.85 : _random.Next(pupilsLeft) < twoParentsLeft;
                    twoParentsLeft -= two ? 1 : 0;
                    family = new Family(last, []);
                    for (var p = 0; p < (two ? 2 : 1); p++)
                    {
                        var parent = staging.Person(writer, _names.Adult(), p == 0 ? last : _names.Last(), Profile.Relative, school, email: true);
                        family.Parents.Add(parent);
                        school.Parents.Add(parent);
                    }

                    _families.Add(family);
                }

                family.Children++;
                pupilsLeft--;
                foreach (var parent in family.Parents)
                {
                    staging.LinkChild(parent, pupil, schoolClass.Id);
                    platform.ParentsOf.GetOrAdd(pupil).Add(parent);
                    platform.ChildrenOf.GetOrAdd(parent).Add(pupil);
                }
            }
        }

        // Teaching groups (languages, options, spécialités): each pupil in a few, with one teacher each.
        for (var round = 0; round < spec.TeachingGroupsPerPupil; round++)
        {
            foreach (var byLevel in school.Classes.GroupBy(c => c.Level))
            {
                var pupils = byLevel.SelectMany(c => c.Pupils).OrderBy(_ => _random.Next()).ToList();
                for (var start = 0; start < pupils.Count; start += 28)
                {
                    var members = pupils.Skip(start).Take(28).ToList();
                    var subject = Subjects[(round * 5 + start / 28) % Subjects.Length];
                    var group = writer.CreateGroup(structure.Id, $"{subject} {LevelName(byLevel.Key)} {(round + 1).ToString(CultureInfo.InvariantCulture)}-{(start / 28 + 1).ToString(CultureInfo.InvariantCulture)}", GroupKind.Teaching);
                    var teacher = teachers[_random.Next(teachers.Count)];
                    school.TeachingGroups.Add(new GeneratedGroup(group.Id, group.Name, [.. members], [teacher]));
                    foreach (var member in members.Append(teacher))
                    {
                        staging.Join(group.Id, member);
                    }
                }
            }
        }

        await bulk.WriteAsync(db, ct);
        return school;
    }

    /// <summary>One in ten pupils of an ordinary school has an older sibling's family, from a recent school.</summary>
    private Family? Sibling()
    {
        if (_families.Count < 50 || _random.NextDouble() >= 0.10)
        {
            return null;
        }

        var family = _families[_families.Count - 1 - _random.Next(Math.Min(_families.Count, 3_000))];
        return family.Children < 3 ? family : null;
    }

    private DateOnly BirthDate(ClassLevel level)
    {
        // A pupil of PS is 3 in the school year starting 2026: born 2023; one year older per level.
        var age = level switch
        {
            <= ClassLevel.CM2 => (int)level - (int)ClassLevel.PS,
            <= ClassLevel.Troisieme => 8 + level - ClassLevel.Sixieme,
            _ => 12 + level - ClassLevel.Seconde,
        };
        return new DateOnly(2023 - age, 1, 1).AddDays(_random.Next(365));
    }

    private string Login(string first, string last)
    {
        var baseLogin = LoginNames.Base(first, last);
        var n = _logins.GetValueOrDefault(baseLogin);
        _logins[baseLogin] = n + 1;

        // The same numbering as LoginNames.FirstFree: the base, then base1, base2…
        return n == 0 ? baseLogin : baseLogin + n.ToString(CultureInfo.InvariantCulture);
    }

    private static List<int> Spread(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0)).ToList();

    private static string LevelName(ClassLevel level) => level switch
    {
        ClassLevel.Sixieme => "6e",
        ClassLevel.Cinquieme => "5e",
        ClassLevel.Quatrieme => "4e",
        ClassLevel.Troisieme => "3e",
        ClassLevel.Seconde => "2nde",
        ClassLevel.Premiere => "1re",
        ClassLevel.Terminale => "Tle",
        _ => level.ToString(),
    };

    private static readonly string[] Places =
        ["Jean Jaurès", "Victor Hugo", "Jules Ferry", "Louise Michel", "Pasteur", "Jean Moulin", "Marie Curie", "Condorcet", "Voltaire", "George Sand", "Les Tilleuls", "Belleville"];

    private static readonly string[] Subjects =
        ["Espagnol LV2", "Allemand LV2", "Italien LV2", "Latin", "Section euro", "SES", "Physique-chimie", "SVT", "HGGSP", "Humanités", "Mathématiques", "NSI", "Arts plastiques", "Musique", "EPS option"];

    private sealed record SchoolSpec(string Name, StructureType Type, List<ClassLevel> Levels, List<int> Pupils, int Teachers, int Personnel,
        int Periscolaire, int TeachersPerClass, int TeachingGroupsPerPupil, int TwoParents, bool Big);

    private sealed class Family(string lastName, List<Guid> parents)
    {
        public string LastName { get; } = lastName;
        public List<Guid> Parents { get; } = parents;
        public int Children { get; set; }
    }

    /// <summary>One school's rows on the staging context, with the directory writer's invariants.</summary>
    private sealed class Staging(PreauDbContext db, PlatformGenerator generator)
    {
        private readonly HashSet<(Guid Group, Guid User)> _members = [];
        private readonly HashSet<(Guid Relative, Guid Student)> _links = [];

        public Dictionary<Profile, Guid> StructureGroups { get; set; } = [];
        public Dictionary<Guid, Dictionary<Profile, Guid>> ClassGroups { get; } = [];

        public Guid Person(DirectoryWriter writer, string first, string last, Profile profile, GeneratedSchool school, DateOnly? birth = null, bool email = false)
        {
            var login = generator.Login(first, last);
            var user = writer.CreateUser(new NewUser(first, last, profile, email ? login + "@example.org" : null, BirthDate: birth), login);

            // The folded name the save interceptor would set (UserSearchNameInterceptor).
            db.Entry(user).Property(UserSearchName.Property).CurrentValue = UserSearchName.Of(user.LastName, user.FirstName);

            // One account in two hundred is blocked by an administrator: never visible.
            if (generator._random.Next(200) == 0)
            {
                user.State = AccountState.Blocked;
                school.Blocked.Add(user.Id);
            }

            generator._accounts++;
            return user.Id;
        }

        /// <summary>DirectoryWriter.AddToStructureAsync: the structure's group for the profile.</summary>
        public void AddToStructure(Guid user, Profile profile) => Join(StructureGroups[profile], user);

        /// <summary>DirectoryWriter.AddToClassAsync: the structure's group, then the class's.</summary>
        public void AddToClass(Guid user, Profile profile, Guid classId)
        {
            AddToStructure(user, profile);
            Join(ClassGroups[classId][profile], user);
        }

        /// <summary>DirectoryWriter.LinkChildAsync: the link, and the parent in the child's class (and so school) groups.</summary>
        public void LinkChild(Guid relative, Guid student, Guid classId)
        {
            if (_links.Add((relative, student)))
            {
                db.ParentLinks.Add(new ParentLink { RelativeId = relative, StudentId = student });
            }

            AddToClass(relative, Profile.Relative, classId);
        }

        public void Join(Guid group, Guid user)
        {
            if (_members.Add((group, user)))
            {
                db.GroupMembers.Add(new GroupMember { GroupId = group, UserId = user, JoinedAt = generator.Now });
            }
        }
    }

    private DateTimeOffset Now => services.GetRequiredService<TimeProvider>().GetUtcNow();
}

public sealed record GeneratedClass(Guid Id, string Name, ClassLevel Level)
{
    public List<Guid> Pupils { get; } = [];
    public List<Guid> Teachers { get; } = [];
}

public sealed record GeneratedGroup(Guid Id, string Name, List<Guid> Pupils, List<Guid> Teachers);

/// <summary>One generated structure and who is in it (parents: those created with its pupils).</summary>
public sealed record GeneratedSchool(Guid Id, string Name, StructureType Type, bool Big)
{
    public List<GeneratedClass> Classes { get; } = [];
    public List<Guid> Teachers { get; } = [];
    public List<Guid> Personnel { get; } = [];
    public List<Guid> Periscolaire { get; } = [];
    public List<Guid> Parents { get; } = [];
    public List<GeneratedGroup> TeachingGroups { get; } = [];
    public HashSet<Guid> Blocked { get; } = [];

    public IEnumerable<Guid> Pupils => Classes.SelectMany(c => c.Pupils);
}

public sealed class GeneratedPlatform
{
    public List<GeneratedSchool> Schools { get; } = [];
    public Dictionary<Guid, List<Guid>> ParentsOf { get; } = [];
    public Dictionary<Guid, List<Guid>> ChildrenOf { get; } = [];
    public Dictionary<string, int> Rows { get; set; } = [];
    public int Accounts { get; set; }
    public TimeSpan Elapsed { get; set; }

    public GeneratedSchool Big => Schools.Single(s => s.Big);
}

internal static class DictionaryExtensions
{
    public static List<Guid> GetOrAdd(this Dictionary<Guid, List<Guid>> map, Guid key) =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];
}
