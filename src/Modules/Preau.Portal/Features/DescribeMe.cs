using System.Globalization;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Theming;

namespace Preau.Portal.Features;

/// <summary>The signed-in person as the API shows them: the same facts the home page uses.</summary>
public sealed class DescribeMe(Shell shell)
{
    public sealed record Me(
        Guid Id,
        string Login,
        string FirstName,
        string LastName,
        string DisplayName,
        Profile Profile,
        IReadOnlyList<StructureDto> Structures,
        Guid? CurrentStructureId,
        Degree Degree,
        IReadOnlyList<ClassRef> Classes,
        IReadOnlyList<ChildRef> Children,
        IReadOnlyList<FunctionRef> Functions,
        IReadOnlyList<UserApp> Apps,
        PreferencesDto Preferences);

    public sealed record StructureDto(Guid Id, string Name, string Uai, StructureType Type, Degree Degree);

    public sealed record PreferencesDto(string Language, ColorScheme ColorScheme, bool HighContrast, bool DyslexiaFont);

    public async Task<Me?> HandleAsync(CancellationToken ct)
    {
        var view = await shell.GetAsync(ct);
        if (view.User is not { } user)
        {
            return null;
        }

        return new Me(
            user.Id, user.Login, user.FirstName, user.LastName, user.DisplayName, user.Profile,
            [.. user.Structures.Select(s => new StructureDto(s.Id, s.Name, s.Uai, s.Type, s.Degree))],
            view.School?.Id,
            view.Degree,
            user.Classes,
            user.Children,
            user.Functions,
            await shell.AppsForAsync(user, ct),
            new PreferencesDto(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, user.Display.Scheme, user.Display.HighContrast, user.Display.DyslexiaFont));
    }
}
