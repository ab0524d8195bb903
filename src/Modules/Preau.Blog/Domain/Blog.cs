namespace Preau.Blog.Domain;

/// <summary>How a contributor's post reaches the readers.</summary>
public enum PublishMode
{
    /// <summary>The contributor publishes at once.</summary>
    Immediate = 1,

    /// <summary>The contributor submits; a holder of publish validates, edits or returns it (the default: pupils write, the teacher publishes).</summary>
    Validation = 2,
}

/// <summary>Whether readers may comment, and whether their comments wait for a publisher.</summary>
public enum CommentMode
{
    None = 0,
    Immediate = 1,
    Validation = 2,
}

/// <summary>
/// A blog: a teacher's or a class's, shared through the platform's sharing service (type
/// <see cref="BlogModule.ShareType"/>) with read, contrib, publish, comment and manage. Members only
/// unless a teacher opens its public page, served by <see cref="Slug"/> to people without an account.
/// </summary>
public sealed class BlogBlog
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 1000;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The school it belongs to (the owner's when it was created).</summary>
    public Guid StructureId { get; set; }

    /// <summary>The class it is the blog of, when it is one.</summary>
    public Guid? ClassId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The cover picture (a <see cref="BlogMedia"/> of this blog), if any.</summary>
    public Guid? CoverId { get; set; }

    public PublishMode PublishMode { get; set; } = PublishMode.Validation;

    public CommentMode CommentMode { get; set; } = CommentMode.Validation;

    /// <summary>Whether the read-only public page answers (off by default).</summary>
    public bool IsPublic { get; set; }

    /// <summary>The public page's stable address part (/b/{slug}), unique, kept when the blog is renamed.</summary>
    public string Slug { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? TrashedAt { get; set; }
}

public enum PostState
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
}

/// <summary>
/// A post of a blog. Its body is rich text, sanitized on save and on render. Readers see published
/// posts ordered by their first publication; a draft is its author's, a submitted post its author's
/// and the publishers'. A publisher may return a submitted post with a remark (back to draft).
/// </summary>
public sealed class BlogPost
{
    public const int TitleMax = 160;
    public const int RemarkMax = 1000;

    public Guid Id { get; set; }

    public Guid BlogId { get; set; }

    public Guid AuthorId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Sanitized markup.</summary>
    public string Body { get; set; } = "";

    /// <summary>The first words, plain text, for lists and notifications.</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>Title and text folded (lower case, no accents) for the blog's search.</summary>
    public string SearchText { get; set; } = "";

    public PostState State { get; set; } = PostState.Draft;

    /// <summary>Set at the first publication and kept: the order of the blog.</summary>
    public DateTimeOffset? FirstPublishedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Who published it last (the author, or the publisher who validated it).</summary>
    public Guid? PublishedBy { get; set; }

    /// <summary>The publisher's remark when the post was returned to its author.</summary>
    public string? Remark { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum CommentState
{
    Pending = 1,
    Published = 2,
}

/// <summary>A comment on a post, plain text (pages encode it).</summary>
public sealed class BlogComment
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public Guid AuthorId { get; set; }

    public string Body { get; set; } = "";

    public CommentState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A picture, sound or video stored for a blog (inserted in a post, or its cover), or a document
/// of the person's space linked from a post (held by reference, no byte copied). Readers of the
/// blog fetch it; people without an account only when the blog is public and a published post (or
/// the cover) shows it.
/// </summary>
public sealed class BlogMedia
{
    public Guid Id { get; set; }

    public Guid BlogId { get; set; }

    public Guid UploaderId { get; set; }

    public string BlobKey { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The file's name as it came (an upload's, or the document's chosen in the picker): the name of a download.</summary>
    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Which stored media a post's body shows: kept on each save, so a public page serves only what a published post shows.</summary>
public sealed class BlogPostMedia
{
    public Guid PostId { get; set; }

    public Guid MediaId { get; set; }
}
