namespace Preau.Provisioning.Reading;

/// <summary>Why one line of a file is left out; the preview and the report say it in words.</summary>
public enum RejectReason
{
    MissingName = 1,
    NameTooLong,
    MissingClass,
    UnknownClass,
    UnsuitableClass,
    DuplicateInFile,
    BadDate,
    MissingBirthDate,
    LineTooLong,
    WrongColumnCount,
    UnknownChild,
    AmbiguousChild,
    IdTooLong,
    BadEmail,
}
