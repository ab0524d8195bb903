using Preau.Platform.Kernel;

namespace Preau.UnitTests.Kernel;

public sealed class SchoolLevelsTests
{
    [Theory]
    [InlineData(StructureType.Maternelle, Degree.First)]
    [InlineData(StructureType.Elementaire, Degree.First)]
    [InlineData(StructureType.Primaire, Degree.First)]
    [InlineData(StructureType.College, Degree.Second)]
    [InlineData(StructureType.Lycee, Degree.Second)]
    public void Each_structure_type_has_its_degree(StructureType type, Degree expected) =>
        Assert.Equal(expected, type.Degree());

    [Theory]
    [InlineData(ClassLevel.PS, Degree.First)]
    [InlineData(ClassLevel.MS, Degree.First)]
    [InlineData(ClassLevel.GS, Degree.First)]
    [InlineData(ClassLevel.CP, Degree.First)]
    [InlineData(ClassLevel.CE1, Degree.First)]
    [InlineData(ClassLevel.CE2, Degree.First)]
    [InlineData(ClassLevel.CM1, Degree.First)]
    [InlineData(ClassLevel.CM2, Degree.First)]
    [InlineData(ClassLevel.Sixieme, Degree.Second)]
    [InlineData(ClassLevel.Cinquieme, Degree.Second)]
    [InlineData(ClassLevel.Quatrieme, Degree.Second)]
    [InlineData(ClassLevel.Troisieme, Degree.Second)]
    [InlineData(ClassLevel.Seconde, Degree.Second)]
    [InlineData(ClassLevel.Premiere, Degree.Second)]
    [InlineData(ClassLevel.Terminale, Degree.Second)]
    public void Each_class_level_has_its_degree(ClassLevel level, Degree expected) =>
        Assert.Equal(expected, level.Degree());

    [Fact]
    public void Every_level_is_covered_by_the_degree_cases()
    {
        // The theory above lists the levels one by one; a new level must be added there.
        Assert.Equal(15, Enum.GetValues<ClassLevel>().Length);
        Assert.Equal(5, Enum.GetValues<StructureType>().Length);
    }

    public static TheoryData<StructureType, ClassLevel[]> AcceptedLevels => new()
    {
        { StructureType.Maternelle, [ClassLevel.PS, ClassLevel.MS, ClassLevel.GS] },
        { StructureType.Elementaire, [ClassLevel.CP, ClassLevel.CE1, ClassLevel.CE2, ClassLevel.CM1, ClassLevel.CM2] },
        { StructureType.Primaire, [ClassLevel.PS, ClassLevel.MS, ClassLevel.GS, ClassLevel.CP, ClassLevel.CE1, ClassLevel.CE2, ClassLevel.CM1, ClassLevel.CM2] },
        { StructureType.College, [ClassLevel.Sixieme, ClassLevel.Cinquieme, ClassLevel.Quatrieme, ClassLevel.Troisieme] },
        { StructureType.Lycee, [ClassLevel.Seconde, ClassLevel.Premiere, ClassLevel.Terminale] },
    };

    [Theory]
    [MemberData(nameof(AcceptedLevels))]
    public void A_structure_accepts_exactly_its_own_levels(StructureType type, ClassLevel[] expected)
    {
        var accepted = Enum.GetValues<ClassLevel>().Where(level => type.Accepts(level)).ToArray();

        Assert.Equal(expected, accepted);
    }

    [Fact]
    public void A_structure_holds_only_levels_of_its_own_degree()
    {
        foreach (var type in Enum.GetValues<StructureType>())
        {
            Assert.All(Enum.GetValues<ClassLevel>().Where(level => type.Accepts(level)), level => Assert.Equal(type.Degree(), level.Degree()));
        }
    }

    [Fact]
    public void An_unknown_structure_type_accepts_nothing() =>
        Assert.DoesNotContain(Enum.GetValues<ClassLevel>(), level => ((StructureType)0).Accepts(level));
}
