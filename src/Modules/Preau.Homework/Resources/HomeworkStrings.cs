namespace Preau.Homework.Resources;

/// <summary>Marker for the cahier de textes' strings (HomeworkStrings.resx in French, HomeworkStrings.en.resx in English).</summary>
public sealed class HomeworkStrings;
