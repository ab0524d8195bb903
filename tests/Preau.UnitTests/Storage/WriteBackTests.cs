using Preau.Platform.Storage;

namespace Preau.UnitTests.Storage;

/// <summary>
/// The write-back hint must reach the kernel where it exists: it swallows a missing C library or
/// entry point, so without this test a wrong library name would turn it into a silent no-op.
/// </summary>
public sealed class WriteBackTests
{
    [Fact]
    public void On_linux_the_kernel_takes_the_request_to_start_writing_a_file_back()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sync_file_range is a Linux call; elsewhere the final fsync does the work.");
        var path = Path.GetTempFileName();
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            var bytes = new byte[256 * 1024];
            Random.Shared.NextBytes(bytes);
            file.Write(bytes);

            Assert.True(WriteBack.Start(file.SafeFileHandle, 0, bytes.Length));
            Assert.False(WriteBack.Start(file.SafeFileHandle, 0, 0));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
