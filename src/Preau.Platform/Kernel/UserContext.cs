namespace Preau.Platform.Kernel;

/// <summary>
/// What the shell and the modules know of the signed-in person for one request: who they are,
/// where they belong and what they hold. Loaded once per request by a bounded number of queries.
/// </summary>
public sealed record UserContext(
    Guid Id,
    string Login,
    string FirstName,
    string LastName,
    string DisplayName,
    Profile Profile,
    IReadOnlyList<StructureRef> Structures,
    IReadOnlyList<ClassRef> Classes,
    IReadOnlyList<ChildRef> Children,
    IReadOnlyList<FunctionRef> Functions,
    DisplayPreferences Display)
{
    public string Initials => Faces.Initials(FirstName, LastName);

    public bool IsSuperAdmin => Functions.Any(f => f.Function == Function.SuperAdmin);

    public bool IsLocalAdminOf(Guid structureId) =>
        IsSuperAdmin || Functions.Any(f => f.Function == Function.LocalAdmin && f.StructureId == structureId);

    public bool IsClassAdminOf(Guid classId) =>
        Functions.Any(f => f.Function == Function.ClassAdmin && f.ClassId == classId);

    public bool Holds(Function function) => Functions.Any(f => f.Function == function);

    /// <summary>The structure the person works in now: the chosen one when it is theirs, else the first.</summary>
    public StructureRef? CurrentStructure(Guid? chosen) =>
        Structures.FirstOrDefault(s => s.Id == chosen) ?? (Structures.Count > 0 ? Structures[0] : null);
}

public sealed record StructureRef(Guid Id, string Name, string Uai, StructureType Type)
{
    public Degree Degree => Type.Degree();
}

public sealed record ClassRef(Guid Id, Guid StructureId, string Name, ClassLevel Level);

public sealed record ChildRef(Guid Id, string FirstName, string DisplayName, IReadOnlyList<ClassRef> Classes);

public sealed record FunctionRef(Function Function, Guid? StructureId, Guid? ClassId);
