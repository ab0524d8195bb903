using Preau.Platform.Directory.Features;

namespace Preau.UnitTests.Admin;

/// <summary>The folded names the user search and sort stand on.</summary>
public sealed class UserSearchNameTests
{
    [Theory]
    [InlineData("Lefèvre", "Éloïse", "lefevre-eloise")]
    [InlineData("DA SILVA", "Maria", "da-silva-maria")]
    [InlineData("N'Diaye", "Aïssatou", "ndiaye-aissatou")]
    [InlineData("Cœurdevey", "Jean-Pierre", "coeurdevey-jean-pierre")]
    [InlineData("  Ørsted ", "Łukasz", "orsted-lukasz")]
    public void A_name_folds_to_lower_case_letters_without_accents(string last, string first, string folded) =>
        Assert.Equal(folded, UserSearchName.Of(last, first));

    [Theory]
    [InlineData("dub", "duc")]
    [InlineData("lea.dubois", "lea.duboit")]
    [InlineData("zz", null)]
    [InlineData("abz", "ac")]
    [InlineData("a9", "aa")]
    [InlineData("dubois-", "duboit")]
    public void The_upper_bound_is_the_first_text_after_every_text_with_the_prefix(string prefix, string? bound) =>
        Assert.Equal(bound, UserSearchName.UpperBound(prefix));

    [Fact]
    public void Every_name_with_a_prefix_falls_in_its_range_and_no_other_does()
    {
        string[] names = ["dubois-lea", "dubois-sophie", "dubo", "duboit-a", "dub", "duc", "dua", "da-silva-maria", "lefevre-eloise", "z9", "zz-top"];
        string[] prefixes = ["dub", "dubois", "dubois-l", "d", "z", "zz", "lef", "da-s"];
        foreach (var prefix in prefixes)
        {
            var high = UserSearchName.UpperBound(prefix);
            foreach (var name in names)
            {
                var inRange = string.CompareOrdinal(name, prefix) >= 0 && (high is null || string.CompareOrdinal(name, high) < 0);
                Assert.True(!name.StartsWith(prefix, StringComparison.Ordinal) || inRange, $"{name} starts with {prefix} but is outside [{prefix}, {high})");
            }
        }
    }
}
