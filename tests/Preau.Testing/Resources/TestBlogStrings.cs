namespace Preau.Testing.Resources;

/// <summary>The strings of the test-only blog application (<see cref="TestBlog"/>).</summary>
public sealed class TestBlogStrings;
