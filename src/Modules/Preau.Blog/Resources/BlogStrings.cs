namespace Preau.Blog.Resources;

/// <summary>Marker for the blog's strings (BlogStrings.resx, BlogStrings.en.resx).</summary>
public sealed class BlogStrings;
