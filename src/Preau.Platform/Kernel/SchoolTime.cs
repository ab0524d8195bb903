namespace Preau.Platform.Kernel;

/// <summary>School calendars and times shown to people are in Europe/Paris, whatever the server's zone.</summary>
public static class SchoolTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
