using Microsoft.Extensions.Localization;
using Preau.Admin.Communication.Features;
using Preau.Admin.Communication.Resources;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Admin.Communication;

/// <summary>Groups and warnings in plain words: "Parents de CE2 A", "Les parents de CE2 A pourront s'écrire entre eux…".</summary>
internal static class RulesWording
{
    public static string Label(IStringLocalizer<CommunicationStrings> c, Degree degree, Profile? profile, GroupKind kind, string? className, string name)
    {
        if (kind != GroupKind.Profile || profile is not { } p)
        {
            return name;
        }

        var who = c["Profile." + p].Value;
        return className is not null ? c["Group.OfClass", who, className]
            : degree == Degree.First ? c["Group.OfSchool", who] : c["Group.OfEstablishment", who];
    }

    public static string Label(IStringLocalizer<CommunicationStrings> c, Degree degree, ViewRules.GroupInfo group) =>
        Label(c, degree, group.Profile, group.Kind, group.ClassName, group.Name);

    /// <summary>
    /// What opening the link will allow, in one sentence. <paramref name="classNames"/> names the
    /// structure's classes; a group of another structure keeps its own name.
    /// </summary>
    public static string Warning(IStringLocalizer<CommunicationStrings> c, Degree degree, RulesWarning warning, IReadOnlyDictionary<Guid, string> classNames)
    {
        string? ClassOf(Group g) => g.ClassId is { } id ? classNames.GetValueOrDefault(id) : null;
        string LabelOf(Group g) => g.ClassId is not null && ClassOf(g) is null ? g.Name : Label(c, degree, g.Profile, g.Kind, ClassOf(g), g.Name);

        if (warning.From.Id == warning.To.Id)
        {
            var place = ClassOf(warning.From) ?? (degree == Degree.First ? c["Place.School"].Value : c["Place.Establishment"].Value);
            return warning.From.Profile == Profile.Student ? c["Warning.PupilsTogether", place] : c["Warning.ParentsTogether", place];
        }

        return warning.Kind == SensitiveLink.PupilParent
            ? c["Warning.PupilParent", LabelOf(warning.From), LabelOf(warning.To)]
            : c["Warning.FamilyFamily", LabelOf(warning.From), LabelOf(warning.To)];
    }
}
