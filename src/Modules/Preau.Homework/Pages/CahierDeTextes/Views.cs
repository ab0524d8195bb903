using Preau.Homework.Features;

namespace Preau.Homework.Pages.CahierDeTextes;

/// <summary>A writer's buttons on an entry of a book: change, copy to another book, remove. Its kind is "seance" or "travail", as the page's handlers take it.</summary>
public sealed record EntryActionsView(Guid Id, string Kind, string EditUrl, BookModel Page);

/// <summary>
/// A private calendar address on a page: the one that exists (its secret is not kept, so it is not
/// shown again), the one just made (shown once, to copy into the phone's calendar), the buttons to
/// make a new one and to revoke. The child is carried for a parent's page.
/// </summary>
public sealed record CalendarAddressView(CalendarKeyLine? Existing, string? NewUrl, string PostPath, Guid? Child);

/// <summary>One input of a form with its label, hint and refusal.</summary>
public sealed record FieldView(string Name, string Label, string Type, string? Value, string? Error, string? Hint = null, bool Required = false, int? MaxLength = null, string? Min = null, string? Max = null);
