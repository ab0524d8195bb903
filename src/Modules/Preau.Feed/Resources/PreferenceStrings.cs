namespace Preau.Feed.Resources;

/// <summary>Marker for the notification preferences' strings (PreferenceStrings.resx, PreferenceStrings.en.resx).</summary>
public sealed class PreferenceStrings;
