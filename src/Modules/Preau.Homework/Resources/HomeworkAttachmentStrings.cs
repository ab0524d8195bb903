namespace Preau.Homework.Resources;

/// <summary>Marker for the documents joined to homework and lessons (HomeworkAttachmentStrings.resx in French, HomeworkAttachmentStrings.en.resx in English).</summary>
public sealed class HomeworkAttachmentStrings;
