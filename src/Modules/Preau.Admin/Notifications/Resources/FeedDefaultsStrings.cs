namespace Preau.Admin.Notifications.Resources;

/// <summary>Marker for the notification defaults screen's strings (FeedDefaultsStrings.resx, FeedDefaultsStrings.en.resx).</summary>
public sealed class FeedDefaultsStrings;
