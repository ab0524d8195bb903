using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Platform.Forms;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>A time slot's <c>time</c> inputs ("14:00").</summary>
public static class FormTimes
{
    public static string? Input(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Null for an empty value; a refusal beside the field when it is not a time.</summary>
    public static TimeOnly? Parse(string? value, string field, FieldErrors errors, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(strings);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, [strings["Error.TimeInvalid"].Value]);
        return null;
    }
}
