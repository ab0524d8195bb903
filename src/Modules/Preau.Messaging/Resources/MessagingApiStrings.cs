namespace Preau.Messaging.Resources;

/// <summary>Marker for the messagerie API's own strings (MessagingApiStrings.resx, MessagingApiStrings.en.resx).</summary>
public sealed class MessagingApiStrings;
