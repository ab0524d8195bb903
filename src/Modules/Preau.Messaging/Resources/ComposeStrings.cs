namespace Preau.Messaging.Resources;

/// <summary>Marker for the composer's strings (ComposeStrings.resx, ComposeStrings.en.resx).</summary>
public sealed class ComposeStrings;
