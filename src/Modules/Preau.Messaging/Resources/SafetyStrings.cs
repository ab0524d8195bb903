namespace Preau.Messaging.Resources;

/// <summary>Marker for the messagerie's safety pages' strings (SafetyStrings.resx, SafetyStrings.en.resx): sending rules, moderation.</summary>
public sealed class SafetyStrings;
