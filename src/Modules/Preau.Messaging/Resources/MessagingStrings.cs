namespace Preau.Messaging.Resources;

/// <summary>Marker for the messagerie's strings (MessagingStrings.resx, MessagingStrings.en.resx).</summary>
public sealed class MessagingStrings;
