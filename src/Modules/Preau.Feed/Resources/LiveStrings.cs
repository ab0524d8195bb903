namespace Preau.Feed.Resources;

/// <summary>Marker for the real-time part's strings (LiveStrings.resx, LiveStrings.en.resx): the shell's bell and what pages announce.</summary>
public sealed class LiveStrings;
