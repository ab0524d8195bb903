namespace Preau.Messaging.Resources;

/// <summary>Marker for the texts of the 1st-degree pupils' simple mailbox (YoungMailStrings.resx, YoungMailStrings.en.resx).</summary>
public sealed class YoungMailStrings;
