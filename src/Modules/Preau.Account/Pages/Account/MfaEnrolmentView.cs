namespace Preau.Account.Pages.Account;

/// <summary>What the enrolment partial shows: the QR code, the secret as text, and the form posting the first code.</summary>
public sealed record MfaEnrolmentView(string QrDataUri, string GroupedSecret, string ProtectedSecret, string Action, string? Error);
