namespace Preau.Admin.Moderation.Resources;

/// <summary>Marker for the moderation queue's strings (ModerationStrings.resx: French; ModerationStrings.en.resx: English).</summary>
public sealed class ModerationStrings;
