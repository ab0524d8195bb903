using Microsoft.Extensions.Localization;
using Preau.Admin.Audit;
using Preau.Admin.Resources;

namespace Preau.Admin.Pages;

/// <summary>An audit code as people read it: its label in their language, or the code itself when a newer module added one without a label.</summary>
internal static class AuditLabels
{
    public static string Label(IStringLocalizer<AdminStrings> s, string code)
    {
        var label = s[AuditActions.LabelKey(code)];
        return label.ResourceNotFound ? code : label.Value;
    }
}
