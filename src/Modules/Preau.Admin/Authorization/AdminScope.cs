using Preau.Platform.Kernel;

namespace Preau.Admin.Authorization;

/// <summary>What a person administers: the platform (SuperAdmin), schools (LocalAdmin), classes (ClassAdmin).</summary>
internal static class AdminScope
{
    public static bool AdministersAnyStructure(UserContext user) => user.IsSuperAdmin || user.Holds(Function.LocalAdmin);

    public static bool ManagesAnyClass(UserContext user) => user.Holds(Function.ClassAdmin);

    /// <summary>The structures a LocalAdmin holds; null means every structure (SuperAdmin).</summary>
    public static IReadOnlyList<Guid>? Structures(UserContext user) =>
        user.IsSuperAdmin
            ? null
            : [.. user.Functions.Where(f => f.Function == Function.LocalAdmin && f.StructureId is not null).Select(f => f.StructureId!.Value)];

    public static bool CanSeeClass(UserContext user, Guid structureId, Guid classId) =>
        user.IsLocalAdminOf(structureId) || user.IsClassAdminOf(classId);
}
