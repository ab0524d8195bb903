using System.Globalization;
using Preau.Platform.Kernel;

namespace Preau.Platform.Forms;

/// <summary>A form's <c>datetime-local</c> values, read and written in Paris time whatever the server's zone.</summary>
public static class ParisDateTime
{
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Input(DateTimeOffset? instant) =>
        instant is { } at ? SchoolTime.ToParis(at).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>Null for an empty value; false when the value is not a date and time.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(value.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var zone = SchoolTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);   // the hour skipped in spring
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
