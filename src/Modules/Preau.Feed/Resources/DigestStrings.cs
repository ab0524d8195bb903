namespace Preau.Feed.Resources;

/// <summary>Marker for the feed emails' strings (DigestStrings.resx, DigestStrings.en.resx): immediate emails and digests.</summary>
public sealed class DigestStrings;
