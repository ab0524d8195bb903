using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Preau.Platform.Kernel;
using Preau.Platform.Theming;

namespace Preau.UnitTests.Theming;

public sealed class DisplaySettingsTests
{
    public static TheoryData<ColorScheme, bool, bool> AllPreferences
    {
        get
        {
            var data = new TheoryData<ColorScheme, bool, bool>();
            foreach (var scheme in Enum.GetValues<ColorScheme>())
            {
                foreach (var contrast in new[] { false, true })
                {
                    foreach (var dyslexia in new[] { false, true })
                    {
                        data.Add(scheme, contrast, dyslexia);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllPreferences))]
    public void Preferences_survive_the_cookie_round_trip(ColorScheme scheme, bool highContrast, bool dyslexia)
    {
        var written = new DisplayPreferences(scheme, highContrast, dyslexia);

        var cookie = WriteCookie(written);

        Assert.Equal(written, ReadCookie(cookie.Value.Value!));
    }

    [Fact]
    public void The_cookie_is_http_only_lax_and_kept_a_year()
    {
        var cookie = WriteCookie(new DisplayPreferences(ColorScheme.Dark, true, false));

        Assert.Equal(DisplaySettings.Cookie, cookie.Name.Value);
        Assert.Equal("dark.contrast", cookie.Value.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal(TimeSpan.FromDays(365), cookie.MaxAge);
    }

    [Fact]
    public void No_cookie_means_the_defaults()
    {
        Assert.Equal(DisplayPreferences.Default, DisplaySettings.FromCookie(new DefaultHttpContext().Request));
        Assert.Equal(DisplayPreferences.Default, ReadCookie(""));
    }

    [Theory]
    [InlineData("purple.contrast", ColorScheme.Auto, true, false)]
    [InlineData("7.dyslexia", ColorScheme.Auto, false, true)]
    [InlineData("DARK", ColorScheme.Dark, false, false)]
    [InlineData("light.bold.dyslexia", ColorScheme.Light, false, true)]
    [InlineData("contrast", ColorScheme.Auto, true, false)]
    public void A_tampered_cookie_keeps_what_it_can_and_defaults_the_rest(string value, ColorScheme scheme, bool highContrast, bool dyslexia) =>
        Assert.Equal(new DisplayPreferences(scheme, highContrast, dyslexia), ReadCookie(value));

    [Theory]
    [InlineData(Degree.First, ColorScheme.Auto, false, false, "degree-1 scheme-auto")]
    [InlineData(Degree.Second, ColorScheme.Auto, false, false, "degree-2 scheme-auto")]
    [InlineData(Degree.First, ColorScheme.Light, false, false, "degree-1 scheme-light")]
    [InlineData(Degree.Second, ColorScheme.Dark, true, false, "degree-2 scheme-dark high-contrast")]
    [InlineData(Degree.First, ColorScheme.Dark, true, true, "degree-1 scheme-dark high-contrast dyslexia")]
    [InlineData(Degree.Second, ColorScheme.Light, false, true, "degree-2 scheme-light dyslexia")]
    public void The_html_element_gets_one_class_per_choice(Degree degree, ColorScheme scheme, bool highContrast, bool dyslexia, string expected) =>
        Assert.Equal(expected, DisplaySettings.CssClasses(degree, new DisplayPreferences(scheme, highContrast, dyslexia)));

    private static SetCookieHeaderValue WriteCookie(DisplayPreferences display)
    {
        var http = new DefaultHttpContext();
        DisplaySettings.WriteCookie(http.Response, display);
        return SetCookieHeaderValue.Parse(Assert.Single(http.Response.Headers.SetCookie.ToArray())!);
    }

    private static DisplayPreferences ReadCookie(string value)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{DisplaySettings.Cookie}={value}";
        return DisplaySettings.FromCookie(http.Request);
    }
}
