namespace Preau.Feed.Resources;

/// <summary>Marker for the feed module's strings (FeedStrings.resx, FeedStrings.en.resx).</summary>
public sealed class FeedStrings;
