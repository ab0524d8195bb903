namespace Preau.Provisioning.Domain;

/// <summary>What a file describes: each kind matches, updates and detaches only people of its own profiles.</summary>
public enum ImportKind
{
    /// <summary>Pupils with their class and level, possibly with their responsables' columns.</summary>
    Pupils = 1,

    /// <summary>Parents and guardians with the pupils they are responsible for.</summary>
    Relatives = 2,

    /// <summary>Teachers and other staff, with their classes and subjects.</summary>
    Staff = 3,
}

public enum ImportState
{
    /// <summary>Read and kept; the admin maps its columns and looks at the preview. Nothing written to the directory.</summary>
    Uploaded = 1,
    Queued = 2,
    Running = 3,
    Done = 4,
    Failed = 5,
}

/// <summary>
/// One uploaded file and, once confirmed, its application to the directory. The decoded text is
/// kept so that the preview and the background apply read exactly what the admin saw; the
/// history keeps who did what and the counts.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; init; }
    public Guid StructureId { get; init; }
    public ImportKind Kind { get; init; }
    public required string FileName { get; init; }

    /// <summary>"UTF-8" or "Windows-1252", as detected.</summary>
    public required string Encoding { get; init; }

    /// <summary>The detected separator: ";", "," or a tab.</summary>
    public required string Delimiter { get; init; }

    /// <summary>The file's text, decoded.</summary>
    public required string Content { get; set; }

    public int DataLines { get; init; }

    /// <summary>The column chosen for each field, as "Field=index" pairs separated by "&amp;".</summary>
    public string? Mapping { get; set; }

    public ImportState State { get; set; }

    /// <summary>Whether people absent from the file leave the structure; off for a file that covers only part of it (one class).</summary>
    public bool DetachAbsent { get; set; } = true;

    public Guid? UploadedById { get; init; }
    public string? UploadedByName { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    public Guid? AppliedById { get; set; }
    public string? AppliedByName { get; set; }
    public string? AppliedFromAddress { get; set; }
    public string? AppliedFromAgent { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Moved { get; set; }
    public int Detached { get; set; }
    public int Restored { get; set; }
    public int Rejected { get; set; }
    public int ClassesCreated { get; set; }
    public int LinksAdded { get; set; }

    /// <summary>The classes the apply touched, as "id|name" lines, for the result page's sheet links.</summary>
    public string? TouchedClasses { get; set; }

    /// <summary>Why a run failed, in plain words for the admin (details go to the log).</summary>
    public string? Error { get; set; }
}

/// <summary>
/// A person taken out of a structure by an import: the groups they left, so that a restore puts
/// them back, until the grace period is over and the purge forgets them (or deletes the account
/// when it belongs nowhere else).
/// </summary>
public sealed class Detachment
{
    public Guid UserId { get; init; }
    public Guid StructureId { get; init; }
    public DateTimeOffset DetachedAt { get; init; }
    public Guid? ImportId { get; init; }

    /// <summary>The ids of the structure's groups the person was in, separated by spaces.</summary>
    public required string GroupIds { get; init; }
}
