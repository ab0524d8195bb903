namespace Preau.Platform.Kernel;

/// <summary>The profile of an account, as the directory and the national SDET name them.</summary>
public enum Profile
{
    Student = 1,
    Relative = 2,
    Teacher = 3,
    Personnel = 4,
    Periscolaire = 5,
    Guest = 6,
}

/// <summary>A function held on top of a profile: the platform, some structures, or some classes.</summary>
public enum Function
{
    SuperAdmin = 1,
    LocalAdmin = 2,
    ClassAdmin = 3,
}

/// <summary>The two school interfaces: 1st degree (maternelle, élémentaire) and 2nd degree.</summary>
public enum Degree
{
    First = 1,
    Second = 2,
}
