namespace Preau.Platform.Flash;

/// <summary>The sizes a flash message keeps to: a banner, not an article.</summary>
public static class FlashRules
{
    public const int TitleLength = 120;
    public const int TextLength = 600;
}
