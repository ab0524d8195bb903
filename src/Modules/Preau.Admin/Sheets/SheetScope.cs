using Preau.Platform.Kernel;

namespace Preau.Admin.Sheets;

/// <summary>
/// Who may print sheets and reset passwords. A school's LocalAdmin (and the SuperAdmin) for the
/// whole school; the class's ClassAdmin and its teachers for the pupils and parents of that class.
/// </summary>
internal static class SheetScope
{
    public static bool AdministersStructure(UserContext user, Guid structureId) => user.IsLocalAdminOf(structureId);

    /// <summary>The class's ClassAdmin or one of its teachers (their class only, pupils and parents).</summary>
    public static bool TeachesOrManagesClass(UserContext user, Guid classId) =>
        user.IsClassAdminOf(classId) || (user.Profile == Profile.Teacher && user.Classes.Any(c => c.Id == classId));

    public static bool MayPrintClass(UserContext user, Guid structureId, Guid classId) =>
        AdministersStructure(user, structureId) || TeachesOrManagesClass(user, classId);
}
