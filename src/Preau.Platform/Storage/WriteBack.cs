using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Preau.Platform.Storage;

/// <summary>
/// Starts writing a file's dirty pages to the disk while more is still coming (Linux
/// <c>sync_file_range</c> with <c>SYNC_FILE_RANGE_WRITE</c>: it starts the write-back and does not
/// wait for it). The fsync that ends an upload then finds most of the file already on its way,
/// instead of the whole of it queued at the last moment. Only a hint: elsewhere, or when the call
/// fails, the final fsync does all the work as before, and durability rests on it alone.
/// </summary>
internal static class WriteBack
{
    private const uint SyncFileRangeWrite = 2;

    /// <summary>Asks for the write-back of <paramref name="count"/> bytes from <paramref name="offset"/>; whether the system took the request.</summary>
    public static bool Start(SafeFileHandle file, long offset, long count)
    {
        if (!OperatingSystem.IsLinux() || count <= 0)
        {
            return false;
        }

        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return SyncFileRange((int)file.DangerousGetHandle(), offset, count, SyncFileRangeWrite) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // No such call in this C library: the final fsync does the work.
            return false;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    // Blittable arguments only, so no marshalling code (and no unsafe code) is needed.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "sync_file_range")]
    private static extern int SyncFileRange(int fd, long offset, long nbytes, uint flags);
#pragma warning restore SYSLIB1054
}
