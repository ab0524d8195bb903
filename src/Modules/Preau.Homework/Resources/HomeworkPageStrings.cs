namespace Preau.Homework.Resources;

/// <summary>Marker for the cahier de textes' page strings (HomeworkPageStrings.resx in French, HomeworkPageStrings.en.resx in English).</summary>
public sealed class HomeworkPageStrings;
