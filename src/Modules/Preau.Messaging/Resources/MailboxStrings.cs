namespace Preau.Messaging.Resources;

/// <summary>Marker for the mailbox pages' strings (MailboxStrings.resx, MailboxStrings.en.resx).</summary>
public sealed class MailboxStrings;
