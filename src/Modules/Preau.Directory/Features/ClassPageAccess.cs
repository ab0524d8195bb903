using Preau.Platform.Kernel;

namespace Preau.Directory.Features;

/// <summary>
/// Who may open a class's page: its pupils and teachers, the parents of its pupils, and the
/// staff of its school (personnel, périscolaire, its administrators). Everyone else gets a 404.
/// </summary>
public static class ClassPageAccess
{
    public static bool MayView(UserContext user, Guid classId, Guid structureId) =>
        user.Classes.Any(c => c.Id == classId)
        || user.Children.Any(child => child.Classes.Any(c => c.Id == classId))
        || (user.Profile is Profile.Personnel or Profile.Periscolaire && user.Structures.Any(s => s.Id == structureId))
        || user.IsLocalAdminOf(structureId);
}
