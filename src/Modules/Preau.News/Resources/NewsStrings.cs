namespace Preau.News.Resources;

/// <summary>Marker for the actualités' strings (NewsStrings.resx in French, NewsStrings.en.resx in English).</summary>
public sealed class NewsStrings;
