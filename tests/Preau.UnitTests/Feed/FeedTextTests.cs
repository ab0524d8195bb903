using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.Platform.Feed;

namespace Preau.UnitTests.Feed;

/// <summary>A feed item's words: its placeholders filled, a day written in the reader's language.</summary>
public sealed class FeedTextTests
{
    private static readonly FeedType Type = new("tests.day", "tests", "homework", typeof(FeedTextTests), "Label", "Text");

    [Theory]
    [InlineData("fr-FR", "Devoir pour mardi 1er décembre en 5e B : Lire")]
    [InlineData("en", "Devoir pour Tuesday, December 1 en 5e B : Lire")]
    public void A_day_value_is_written_in_the_readers_language(string culture, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = new FeedText(new Templates("Devoir pour {due_day} en {book} : {summary}"));
            Assert.Equal(expected, text.Render(Type, "Text", """{"due_day":"2026-12-01","book":"5e B","summary":"Lire"}""", "Paul Bernard"));
            // A value that is not a day stays as it came; a plain value is never read as a day.
            Assert.Equal("Devoir pour demain en 5e B : 2026-12-01", text.Render(Type, "Text", """{"due_day":"demain","book":"5e B","summary":"2026-12-01"}""", null));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private sealed class Templates(string template) : IStringLocalizerFactory, IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, template);

        public LocalizedString this[string name, params object[] arguments] => new(name, template);

        public IStringLocalizer Create(Type resourceSource) => this;

        public IStringLocalizer Create(string baseName, string location) => this;

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
