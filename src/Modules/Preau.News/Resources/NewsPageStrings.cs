namespace Preau.News.Resources;

/// <summary>Marker for the actualités pages' strings (NewsPageStrings.resx, NewsPageStrings.en.resx).</summary>
public sealed class NewsPageStrings;
