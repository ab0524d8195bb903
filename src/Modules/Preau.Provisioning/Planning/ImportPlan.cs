using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Planning;

/// <summary>A class the import uses: one that exists, or one it creates for the structure's current year.</summary>
public sealed class ClassPlan
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required ClassLevel Level { get; init; }
    public bool IsNew { get; init; }
}

/// <summary>One person of the file, matched to an account or to be created, and what changes for them.</summary>
public sealed class PersonPlan
{
    public required Guid Id { get; init; }
    public required int Line { get; init; }
    public required Profile Profile { get; init; }
    public User? Existing { get; init; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>The full stored id ("UAI:e:value"), or null when the file gives none.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The fields an update changes, by their field names.</summary>
    public List<ImportField> Changes { get; } = [];

    /// <summary>The person was detached from the structure and comes back.</summary>
    public bool Restores { get; set; }

    /// <summary>The classes the file puts the person in; null when the file says nothing of classes (parents).</summary>
    public List<ClassPlan>? Classes { get; set; }

    /// <summary>The current-year classes the person was in before (for the "moved" list).</summary>
    public List<Guid> PreviousClasses { get; init; } = [];

    /// <summary>Teaching groups (staff): class (or none) and subject.</summary>
    public List<(ClassPlan? Class, string Subject)>? Subjects { get; set; }

    public bool IsNew => Existing is null;

    public string DisplayName => $"{FirstName} {LastName}";

    public bool Moves => Existing is not null && Classes is not null
        && !PreviousClasses.ToHashSet().SetEquals(Classes.Select(c => c.Id));
}

public sealed record Rejection(int Line, RejectReason Reason, string? Name, string? Detail);

/// <summary>
/// What applying a file would do, computed in memory from the file and a <see cref="DirectorySnapshot"/>:
/// the preview shows it, the apply carries it out (computed again at that moment).
/// </summary>
public sealed class ImportPlan
{
    public required ImportKind Kind { get; init; }
    public required DirectorySnapshot Directory { get; init; }
    public List<PersonPlan> People { get; } = [];
    public List<ClassPlan> NewClasses { get; } = [];
    public List<Rejection> Rejected { get; } = [];
    public List<User> Detach { get; } = [];

    /// <summary>Absent from the file but kept: they administer the structure.</summary>
    public List<User> KeptAdmins { get; } = [];

    public List<(Guid RelativeId, Guid StudentId)> NewLinks { get; } = [];

    public int DataLines { get; init; }

    public IEnumerable<PersonPlan> Created => People.Where(p => p.IsNew);
    public IEnumerable<PersonPlan> Updated => People.Where(p => !p.IsNew && (p.Changes.Count > 0 || p.Restores));
    public IEnumerable<PersonPlan> Moved => People.Where(p => p.Moves);
    public IEnumerable<PersonPlan> Restored => People.Where(p => p.Restores);
    public int Unchanged => People.Count(p => !p.IsNew && p.Changes.Count == 0 && !p.Restores && !p.Moves);

    /// <summary>Teaching groups or memberships the file changes that the other lists do not show (staff subjects).</summary>
    public int OtherChanges { get; set; }

    public bool HasChanges => People.Any(p => p.IsNew || p.Changes.Count > 0 || p.Restores || p.Moves)
        || NewClasses.Count > 0 || Detach.Count > 0 || NewLinks.Count > 0 || OtherChanges > 0;

    /// <summary>The file would detach more than a third of the people of its kind: maybe it is not the whole school's export.</summary>
    public bool DetachesMany(int present) => Detach.Count >= 5 && Detach.Count * 3 > present;
}
