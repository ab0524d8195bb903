namespace Preau.Platform.Sharing;

/// <summary>
/// One right a share may give on a resource, stored as one bit of <see cref="Share.Rights"/>.
/// Bits are part of the stored data: the well-known rights keep theirs forever, and a module's
/// own right takes a bit from <see cref="FirstModuleBit"/> up, unique within its type.
/// </summary>
/// <param name="Key">The right's name in the API and in forms: "read", "contrib", "publish".</param>
/// <param name="Bit">Its bit, 0 to 30.</param>
/// <param name="LabelKey">Its label in <see cref="Resources.SharingStrings"/> or in the type's own strings.</param>
/// <param name="Implies">The rights it brings with it (stored with it).</param>
public sealed record ShareRight(string Key, int Bit, string LabelKey, params string[] Implies)
{
    public const int FirstModuleBit = 8;

    public int Mask => 1 << Bit;

    /// <summary>See and open the resource.</summary>
    public static readonly ShareRight Read = new("read", 0, "Right.read");

    /// <summary>Change the resource's content.</summary>
    public static readonly ShareRight Contrib = new("contrib", 1, "Right.contrib", "read");

    /// <summary>
    /// Everything, sharing included. A manager may give themselves any right of the type, so
    /// managing implies them all (<see cref="ShareableType"/> adds the type's own rights).
    /// </summary>
    public static readonly ShareRight Manage = new("manage", 2, "Right.manage", "contrib", "read");

    /// <summary>Publish what others wrote (a blog post, a news item).</summary>
    public static readonly ShareRight Publish = new("publish", 3, "Right.publish", "read");

    /// <summary>Add comments.</summary>
    public static readonly ShareRight Comment = new("comment", 4, "Right.comment", "read");
}
