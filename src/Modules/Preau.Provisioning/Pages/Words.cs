using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Reading;
using Preau.Provisioning.Resources;

namespace Preau.Provisioning.Pages;

/// <summary>The words for the module's enums, each key written out so that the strings test sees it.</summary>
public static class Words
{
    public static string Kind(IStringLocalizer<ProvisioningStrings> S, ImportKind kind) => kind switch
    {
        ImportKind.Pupils => S["Kind.Pupils"],
        ImportKind.Relatives => S["Kind.Relatives"],
        _ => S["Kind.Staff"],
    };

    public static string KindHint(IStringLocalizer<ProvisioningStrings> S, ImportKind kind) => kind switch
    {
        ImportKind.Pupils => S["Kind.Pupils.Hint"],
        ImportKind.Relatives => S["Kind.Relatives.Hint"],
        _ => S["Kind.Staff.Hint"],
    };

    public static string State(IStringLocalizer<ProvisioningStrings> S, ImportState state) => state switch
    {
        ImportState.Uploaded => S["ImportState.Uploaded"],
        ImportState.Queued => S["ImportState.Queued"],
        ImportState.Running => S["ImportState.Running"],
        ImportState.Done => S["ImportState.Done"],
        _ => S["ImportState.Failed"],
    };

    public static string Field(IStringLocalizer<ProvisioningStrings> S, ImportField field) => field switch
    {
        ImportField.LastName => S["Field.LastName"],
        ImportField.FirstName => S["Field.FirstName"],
        ImportField.BirthDate => S["Field.BirthDate"],
        ImportField.ClassName => S["Field.ClassName"],
        ImportField.Level => S["Field.Level"],
        ImportField.ExternalId => S["Field.ExternalId"],
        ImportField.Sex => S["Field.Sex"],
        ImportField.Email => S["Field.Email"],
        ImportField.Phone => S["Field.Phone"],
        ImportField.Profile => S["Field.Profile"],
        ImportField.Subjects => S["Field.Subjects"],
        ImportField.ChildExternalId => S["Field.ChildExternalId"],
        ImportField.ChildLastName => S["Field.ChildLastName"],
        ImportField.ChildFirstName => S["Field.ChildFirstName"],
        ImportField.ChildBirthDate => S["Field.ChildBirthDate"],
        ImportField.Relative1LastName => S["Field.Relative1LastName"],
        ImportField.Relative1FirstName => S["Field.Relative1FirstName"],
        ImportField.Relative1Email => S["Field.Relative1Email"],
        ImportField.Relative1Phone => S["Field.Relative1Phone"],
        ImportField.Relative2LastName => S["Field.Relative2LastName"],
        ImportField.Relative2FirstName => S["Field.Relative2FirstName"],
        ImportField.Relative2Email => S["Field.Relative2Email"],
        _ => S["Field.Relative2Phone"],
    };

    public static string Fields(IStringLocalizer<ProvisioningStrings> S, IEnumerable<ImportField> fields) =>
        string.Join(", ", fields.Select(f => Field(S, f)));

    public static string When(DateTimeOffset at) => SchoolTime.ToParis(at).ToString("g", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset at) => SchoolTime.ToParis(at).ToString("d", CultureInfo.CurrentCulture);

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
