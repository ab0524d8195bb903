namespace Preau.Feed.Resources;

/// <summary>Marker for Web Push's strings (PushStrings.resx, PushStrings.en.resx): the device page, the offline page, API errors.</summary>
public sealed class PushStrings;
