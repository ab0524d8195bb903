namespace Preau.Platform.Kernel;

public enum StructureType
{
    Maternelle = 1,
    Elementaire = 2,
    Primaire = 3,
    College = 4,
    Lycee = 5,
}

/// <summary>Class levels from petite section to terminale.</summary>
public enum ClassLevel
{
    PS = 1, MS, GS, CP, CE1, CE2, CM1, CM2,
    Sixieme = 20, Cinquieme, Quatrieme, Troisieme,
    Seconde = 30, Premiere, Terminale,
}

public static class SchoolLevels
{
    public static Degree Degree(this StructureType type) =>
        type is StructureType.College or StructureType.Lycee ? Kernel.Degree.Second : Kernel.Degree.First;

    public static Degree Degree(this ClassLevel level) =>
        level >= ClassLevel.Sixieme ? Kernel.Degree.Second : Kernel.Degree.First;

    /// <summary>The levels a structure of this type may hold.</summary>
    public static bool Accepts(this StructureType type, ClassLevel level) => type switch
    {
        StructureType.Maternelle => level is >= ClassLevel.PS and <= ClassLevel.GS,
        StructureType.Elementaire => level is >= ClassLevel.CP and <= ClassLevel.CM2,
        StructureType.Primaire => level is >= ClassLevel.PS and <= ClassLevel.CM2,
        StructureType.College => level is >= ClassLevel.Sixieme and <= ClassLevel.Troisieme,
        StructureType.Lycee => level is >= ClassLevel.Seconde and <= ClassLevel.Terminale,
        _ => false,
    };
}
