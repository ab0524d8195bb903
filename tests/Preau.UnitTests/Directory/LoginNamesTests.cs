using Preau.Platform.Directory.Domain;

namespace Preau.UnitTests.Directory;

public sealed class LoginNamesTests
{
    [Theory]
    [InlineData("Léa", "Dubois", "lea.dubois")]
    [InlineData("Chloé", "Lefèvre", "chloe.lefevre")]
    [InlineData("Ismaël", "Guérin", "ismael.guerin")]
    [InlineData("Zoé", "Nguyễn", "zoe.nguyen")]
    [InlineData("FRANÇOIS", "Müller", "francois.muller")]
    public void Accents_are_stripped_and_letters_lower_cased(string first, string last, string expected) =>
        Assert.Equal(expected, LoginNames.Base(first, last));

    [Theory]
    [InlineData("Œdipe", "Cœur", "oedipe.coeur")]
    [InlineData("Lætitia", "Blanc", "laetitia.blanc")]
    [InlineData("Jürgen", "Groß", "jurgen.gross")]
    public void Ligatures_are_spelled_out(string first, string last, string expected) =>
        Assert.Equal(expected, LoginNames.Base(first, last));

    [Theory]
    [InlineData("Søren", "Kierkegaard", "soren.kierkegaard")]
    [InlineData("Łukasz", "Wałęsa", "lukasz.walesa")]
    [InlineData("Đorđe", "Ðaković", "dorde.dakovic")]
    [InlineData("Işıl", "Öztürk", "isil.ozturk")]
    public void Letters_without_an_accent_free_decomposition_keep_their_base_letter(string first, string last, string expected) =>
        Assert.Equal(expected, LoginNames.Base(first, last));

    [Theory]
    [InlineData("Aïcha", "N'Diaye", "aicha.ndiaye")]
    [InlineData("Jeanne", "D’Arc", "jeanne.darc")]
    [InlineData("Jean-Pierre", "Martin", "jean-pierre.martin")]
    [InlineData("Marie", "Da Silva", "marie.da-silva")]
    [InlineData("Anne  Sophie", "Le  Gall", "anne-sophie.le-gall")]
    [InlineData("Jean -- Luc", "Roux", "jean-luc.roux")]
    [InlineData("  Léa  ", "  Dubois ", "lea.dubois")]
    [InlineData("-Léo-", "(Roux)", "leo.roux")]
    public void Apostrophes_vanish_while_hyphens_and_spaces_become_one_hyphen(string first, string last, string expected) =>
        Assert.Equal(expected, LoginNames.Base(first, last));

    [Theory]
    [InlineData("Léa", "", "lea")]
    [InlineData("", "Dubois", "dubois")]
    [InlineData("Léa", "---", "lea")]
    public void A_missing_name_leaves_the_other_alone(string first, string last, string expected) =>
        Assert.Equal(expected, LoginNames.Base(first, last));

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "\t")]
    [InlineData("'", "-")]
    [InlineData("!!", "…")]
    public void Names_without_letters_or_digits_are_refused(string first, string last) =>
        Assert.Throws<ArgumentException>(() => LoginNames.Base(first, last));

    [Fact]
    public void A_free_login_is_kept_as_it_is() =>
        Assert.Equal("claire.martin", LoginNames.FirstFree("claire.martin", ["claire.martine", "claire.martin.old"]));

    [Fact]
    public void A_taken_login_is_numbered_from_one() =>
        Assert.Equal("claire.martin1", LoginNames.FirstFree("claire.martin", ["claire.martin"]));

    [Fact]
    public void Numbering_continues_past_the_taken_numbers() =>
        Assert.Equal("claire.martin3", LoginNames.FirstFree("claire.martin", ["claire.martin", "claire.martin1", "claire.martin2"]));

    [Fact]
    public void Numbering_fills_the_first_gap() =>
        Assert.Equal("claire.martin2", LoginNames.FirstFree("claire.martin", ["claire.martin", "claire.martin1", "claire.martin3", "claire.martin4"]));
}
