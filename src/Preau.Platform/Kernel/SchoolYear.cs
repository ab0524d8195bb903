namespace Preau.Platform.Kernel;

/// <summary>
/// French school years start at the rentrée, around the first of September; a year is named by
/// the calendar year it starts in (2026 for 2026-2027).
/// </summary>
public static class SchoolYears
{
    /// <summary>The school year an instant falls in, reckoned in Paris: from August on, the new one.</summary>
    public static int Of(DateTimeOffset instant)
    {
        var paris = SchoolTime.ToParis(instant);
        return paris.Month >= 8 ? paris.Year : paris.Year - 1;
    }

    /// <summary>"2026-2027".</summary>
    public static string Label(int year) => $"{year}-{year + 1}";
}
