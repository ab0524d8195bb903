using Preau.Platform.Files;

namespace Preau.Directory.Photos;

/// <summary>
/// Turns an uploaded picture into the square thumbnail the annuaire shows, through the platform's
/// <see cref="ThumbnailMaker"/>: the format is read from the bytes themselves, a canvas too large
/// is refused before decoding, the picture is turned upright, cropped to its centre and redrawn
/// as a new JPEG, so nothing of the sent file is kept.
/// </summary>
internal static class Thumbnail
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int Size = 256;

    private static readonly ThumbnailSpec Spec = new(Size, Square: true, ThumbnailFormat.Jpeg, Quality: 85) { MaxSourceBytes = MaxBytes };

    public enum Problem
    {
        None,
        TooBig,
        NotAnImage,
    }

    public static (byte[]? Jpeg, Problem Problem) Make(ReadOnlySpan<byte> upload)
    {
        var made = ThumbnailMaker.Make(upload, Spec);
        return made.Problem switch
        {
            ThumbnailProblem.None => (made.Bytes, Problem.None),
            ThumbnailProblem.TooLarge => (null, Problem.TooBig),
            _ => (null, Problem.NotAnImage),
        };
    }
}
