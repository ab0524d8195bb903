namespace Preau.Platform.Kernel;

public enum ColorScheme
{
    Auto = 0,
    Light = 1,
    Dark = 2,
}

/// <summary>How a person wants pages shown: colour scheme, high contrast, dyslexia-friendly type.</summary>
public sealed record DisplayPreferences(ColorScheme Scheme, bool HighContrast, bool DyslexiaFont)
{
    public static readonly DisplayPreferences Default = new(ColorScheme.Auto, false, false);
}
