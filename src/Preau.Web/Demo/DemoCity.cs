using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Web.Demo;

/// <summary>
/// The demo city: three schools with their classes, staff, pupils and families, and the stable
/// personas of the README. Seeded once: a second run finds Jules Ferry and changes nothing.
/// Personas are active with the demo password; everyone else waits for activation, as after a
/// real import.
/// </summary>
public sealed class DemoCity(PreauDbContext db, DirectoryWriter directory, PasswordHashing passwords, Preau.Account.Security.Mfa mfa)
{
    public const string DemoPassword = "preau-demo";
    public const string JulesFerryUai = "0751235B";

    /// <summary>
    /// The authenticator (TOTP) secret of the demo's administrators, who must use two-step
    /// verification: published, so for demonstration only (`oathtool --totp -b SECRET`).
    /// </summary>
    public const string DemoTotpSecret = "PREAUDEMOTOTPKEYPREAUDEMOTOTPKEY";

    public static readonly IReadOnlyList<(string Login, string Description)> Personas =
    [
        ("admin", "SuperAdmin — toute la plateforme"),
        ("isabelle.moreau", "Personnel, directrice de Jules Ferry (LocalAdmin)"),
        ("claire.martin", "Enseignante de CE2 à Jules Ferry (ClassAdmin)"),
        ("paul.bernard", "Enseignant de français au collège Victor Hugo (5e B)"),
        ("lea.dubois", "Élève de CE2 à Jules Ferry"),
        ("hugo.dubois", "Élève de 5e B au collège Victor Hugo"),
        ("sophie.dubois", "Parent de Léa et Hugo (deux établissements)"),
        ("nina.petit", "Élève de MS à la maternelle Les Coquelicots"),
        ("marc.petit", "Parent de Nina"),
        ("karim.benali", "Animateur périscolaire à Jules Ferry"),
    ];

    private static readonly string[] GirlNames = ["Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Rose", "Anna", "Mila", "Inès", "Ambre", "Julia", "Zoé", "Manon", "Camille", "Lou", "Sarah", "Agathe", "Margaux", "Yasmine"];
    private static readonly string[] BoyNames = ["Gabriel", "Raphaël", "Léo", "Louis", "Arthur", "Jules", "Adam", "Lucas", "Maël", "Noah", "Sacha", "Tom", "Nathan", "Ethan", "Aaron", "Rayan", "Théo", "Victor", "Samuel", "Ismaël"];
    private static readonly string[] AdultFirstNames = ["Nathalie", "Stéphane", "Céline", "Julien", "Aurélie", "Nicolas", "Sandrine", "Frédéric", "Karine", "Olivier", "Émilie", "Sébastien", "Delphine", "Mathieu", "Fatima", "Mehdi", "Laurence", "Thomas", "Valérie", "Christophe"];
    private static readonly string[] LastNames = ["Lefebvre", "Garnier", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Chevalier", "Nguyen", "Diallo", "Haddad", "Da Silva", "Perrin", "Morel", "Gauthier", "Renaud", "Masson", "Marchand"];

    private readonly Random _random = new(2026);
    private readonly List<User> _activeUsers = [];

    /// <summary>Seeds the city unless it is there; returns whether anything was written.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Structures.AnyAsync(s => s.Uai == JulesFerryUai, ct))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var admin = await CreateAsync("Admin", "Préau", Profile.Personnel, active: true, email: "admin@preau.example");
        admin.Login = "admin";
        admin.DisplayName = "Administration Préau";
        directory.Grant(admin, Function.SuperAdmin);
        mfa.EnrolForDemo(admin, DemoTotpSecret);

        // École maternelle Les Coquelicots
        var coquelicots = directory.CreateStructure("École maternelle Les Coquelicots", "0751234A", StructureType.Maternelle);
        var ps = await directory.CreateClassAsync(coquelicots.Id, "PS Les Lutins", ClassLevel.PS, ct);
        var ms = await directory.CreateClassAsync(coquelicots.Id, "MS Les Hérissons", ClassLevel.MS, ct);
        var gs = await directory.CreateClassAsync(coquelicots.Id, "GS Les Écureuils", ClassLevel.GS, ct);
        var coquelicotsDirector = await StaffAsync("Véronique", "Lemaire", Profile.Personnel, coquelicots.Id);
        directory.Grant(coquelicotsDirector, Function.LocalAdmin, coquelicots.Id);
        mfa.EnrolForDemo(coquelicotsDirector, DemoTotpSecret);
        await StaffAsync("Martine", "Colin", Profile.Personnel, coquelicots.Id); // ATSEM
        await TeacherAsync("Hélène", "Brunet", ps);
        var msTeacher = await TeacherAsync("Anne", "Caron", ms);
        directory.Grant(msTeacher, Function.ClassAdmin, classId: ms.Id);
        await TeacherAsync("Pascal", "Lacroix", gs);

        var nina = await PupilAsync("Nina", "Petit", ms, active: true);
        var marc = await CreateAsync("Marc", "Petit", Profile.Relative, active: true, email: "marc.petit@example.fr");
        await directory.LinkChildAsync(marc, nina, ct);
        await FamiliesAsync(ps, 7);
        await FamiliesAsync(ms, 6);
        await FamiliesAsync(gs, 7);

        // École élémentaire Jules Ferry
        var julesFerry = directory.CreateStructure("École élémentaire Jules Ferry", JulesFerryUai, StructureType.Elementaire);
        var isabelle = await StaffAsync("Isabelle", "Moreau", Profile.Personnel, julesFerry.Id, active: true, email: "isabelle.moreau@preau.example");
        directory.Grant(isabelle, Function.LocalAdmin, julesFerry.Id);
        mfa.EnrolForDemo(isabelle, DemoTotpSecret);
        var karim = await StaffAsync("Karim", "Benali", Profile.Periscolaire, julesFerry.Id, active: true);
        SchoolClass? ce2 = null;
        foreach (var (name, level) in new[] { ("CP A", ClassLevel.CP), ("CE1 A", ClassLevel.CE1), ("CE2 A", ClassLevel.CE2), ("CM1 A", ClassLevel.CM1), ("CM2 A", ClassLevel.CM2) })
        {
            var schoolClass = await directory.CreateClassAsync(julesFerry.Id, name, level, ct);
            if (level == ClassLevel.CE2)
            {
                ce2 = schoolClass;
                var claire = await TeacherAsync("Claire", "Martin", schoolClass, active: true, email: "claire.martin@preau.example");
                directory.Grant(claire, Function.ClassAdmin, classId: schoolClass.Id);
            }
            else
            {
                await TeacherAsync(Pick(AdultFirstNames), Pick(LastNames), schoolClass);
            }

            await FamiliesAsync(schoolClass, level == ClassLevel.CE2 ? 9 : 8);
        }

        var periscolaire = directory.CreateGroup(julesFerry.Id, "Étude du soir", GroupKind.Manual);
        await directory.AddToGroupAsync(karim, periscolaire, ct);

        // Collège Victor Hugo
        var victorHugo = directory.CreateStructure("Collège Victor Hugo", "0751236C", StructureType.College);
        var principal = await StaffAsync("Bertrand", "Leroy", Profile.Personnel, victorHugo.Id);
        directory.Grant(principal, Function.LocalAdmin, victorHugo.Id);
        mfa.EnrolForDemo(principal, DemoTotpSecret);
        await StaffAsync("Samia", "Belkacem", Profile.Personnel, victorHugo.Id); // CPE
        SchoolClass? cinquiemeB = null;
        foreach (var (name, level) in new[] { ("6e A", ClassLevel.Sixieme), ("5e B", ClassLevel.Cinquieme), ("4e A", ClassLevel.Quatrieme), ("3e A", ClassLevel.Troisieme) })
        {
            var schoolClass = await directory.CreateClassAsync(victorHugo.Id, name, level, ct);
            if (level == ClassLevel.Cinquieme)
            {
                cinquiemeB = schoolClass;
            }
            else
            {
                await TeacherAsync(Pick(AdultFirstNames), Pick(LastNames), schoolClass);
            }

            await FamiliesAsync(schoolClass, 10);
        }

        var paul = await TeacherAsync("Paul", "Bernard", cinquiemeB!, active: true, email: "paul.bernard@preau.example");
        var maths = await TeacherAsync("Élodie", "Marchal", cinquiemeB!);
        var french = directory.CreateGroup(victorHugo.Id, "5e B — Français", GroupKind.Teaching, cinquiemeB!.Id);
        await directory.AddToGroupAsync(paul, french, ct);
        var mathsGroup = directory.CreateGroup(victorHugo.Id, "5e B — Mathématiques", GroupKind.Teaching, cinquiemeB.Id);
        await directory.AddToGroupAsync(maths, mathsGroup, ct);

        // The Dubois family: Léa at Jules Ferry, Hugo at Victor Hugo, one mother for both.
        var lea = await PupilAsync("Léa", "Dubois", ce2!, active: true);
        var hugo = await PupilAsync("Hugo", "Dubois", cinquiemeB, active: true);
        var sophie = await CreateAsync("Sophie", "Dubois", Profile.Relative, active: true, email: "sophie.dubois@example.fr");
        await directory.LinkChildAsync(sophie, lea, ct);
        await directory.LinkChildAsync(sophie, hugo, ct);
        // Léa stays at the étude after class, where Karim helps with the homework.
        await directory.AddToGroupAsync(lea, periscolaire, ct);

        var pupilsOf5eB = db.GroupMembers.Local
            .Where(m => db.Groups.Local.Any(g => g.Id == m.GroupId && g.ClassId == cinquiemeB.Id && g.Profile == Profile.Student))
            .Select(m => m.UserId).ToHashSet();
        foreach (var pupil in db.Users.Local.Where(u => pupilsOf5eB.Contains(u.Id)).ToList())
        {
            await directory.AddToGroupAsync(pupil, french, ct);
            await directory.AddToGroupAsync(pupil, mathsGroup, ct);
        }

        // Hashing is deliberately slow; the personas' hashes are computed side by side.
        var hashes = new string[_activeUsers.Count];
        Parallel.For(0, _activeUsers.Count, i => hashes[i] = passwords.Hash(DemoPassword));
        for (var i = 0; i < _activeUsers.Count; i++)
        {
            _activeUsers[i].PasswordHash = hashes[i];
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static void PrintLogins(ILogger logger, bool seeded)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var lines = string.Join(Environment.NewLine, Personas.Select(p => $"    {p.Login,-16} {p.Description}"));
        logger.LogInformation(
            "Demo city {State}. Demo logins (password \"{Password}\", for demonstration only):{NewLine}{Logins}{NewLine}" +
            "admin and isabelle.moreau use two-step verification with the demo authenticator key {TotpSecret} " +
            "(add it to an authenticator app, or: oathtool --totp -b {TotpSecret})",
            seeded ? "seeded" : "already present", DemoPassword, Environment.NewLine, lines, Environment.NewLine, DemoTotpSecret, DemoTotpSecret);
    }

    private async Task FamiliesAsync(SchoolClass schoolClass, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var girl = _random.Next(2) == 0;
            var lastName = Pick(LastNames);
            var pupil = await PupilAsync(Pick(girl ? GirlNames : BoyNames), lastName, schoolClass);
            var parent = await CreateAsync(Pick(AdultFirstNames), lastName, Profile.Relative);
            await directory.LinkChildAsync(parent, pupil);
            if (_random.Next(3) == 0)
            {
                var second = await CreateAsync(Pick(AdultFirstNames), _random.Next(2) == 0 ? lastName : Pick(LastNames), Profile.Relative);
                await directory.LinkChildAsync(second, pupil);
            }
        }
    }

    private async Task<User> PupilAsync(string first, string last, SchoolClass schoolClass, bool active = false)
    {
        var birthYear = 2026 - AgeOf(schoolClass.Level);
        var pupil = await CreateAsync(first, last, Profile.Student, active, birthDate: new DateOnly(birthYear, _random.Next(1, 13), _random.Next(1, 29)));
        await directory.AddToClassAsync(pupil, schoolClass.Id);
        return pupil;
    }

    private async Task<User> TeacherAsync(string first, string last, SchoolClass schoolClass, bool active = false, string? email = null)
    {
        var teacher = await CreateAsync(first, last, Profile.Teacher, active, email);
        await directory.AddToClassAsync(teacher, schoolClass.Id);
        return teacher;
    }

    private async Task<User> StaffAsync(string first, string last, Profile profile, Guid structureId, bool active = false, string? email = null)
    {
        var person = await CreateAsync(first, last, profile, active, email);
        await directory.AddToStructureAsync(person, structureId);
        return person;
    }

    private async Task<User> CreateAsync(string first, string last, Profile profile, bool active = false, string? email = null, DateOnly? birthDate = null)
    {
        var user = await directory.CreateUserAsync(new NewUser(first, last, profile, email, BirthDate: birthDate));
        if (active)
        {
            user.State = AccountState.Active;
            _activeUsers.Add(user);
        }

        return user;
    }

    private string Pick(string[] names) => names[_random.Next(names.Length)];

    private static int AgeOf(ClassLevel level) => level switch
    {
        >= ClassLevel.Seconde => 15 + (level - ClassLevel.Seconde),
        >= ClassLevel.Sixieme => 11 + (level - ClassLevel.Sixieme),
        _ => 3 + (level - ClassLevel.PS),
    };
}
