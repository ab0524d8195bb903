using Preau.Homework.Features;

namespace Preau.Homework.Pages.AFaire;

/// <summary>
/// One homework of the list as a page draws it: for the pupil (a tick button), a parent or the
/// étude's animator (its state); <paramref name="PersonalKey"/> names a homework for this pupil only.
/// </summary>
public sealed record ToDoItemView(ToDoItem Item, bool IsPupil, bool Young, bool Late, string PersonalKey = "Item.ForChild");
