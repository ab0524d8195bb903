using Microsoft.Extensions.Configuration;
using Preau.Platform.Hosting;

namespace Preau.Platform.Security;

/// <summary>
/// The platform's own secret for keyed hashes of one-time codes. Taken from "Security:CodeKey"
/// (base64, at least 32 bytes: every node of a cluster must share it), else created once in the
/// data folder's keys directory beside the data-protection keys.
/// </summary>
public sealed class SecretKeys(byte[] codeKey)
{
    public byte[] CodeKey { get; } = codeKey.Length >= 32
        ? codeKey
        : throw new InvalidOperationException("Security:CodeKey must hold at least 32 bytes, base64-encoded.");

    public static SecretKeys FromConfiguration(IConfiguration configuration, PreauOptions options)
    {
        var configured = configuration["Security:CodeKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new SecretKeys(Convert.FromBase64String(configured));
        }

        var folder = Path.Combine(options.FullDataPath, "keys");
        var path = Path.Combine(folder, "code-key.bin");
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(folder);
            var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return new SecretKeys(File.ReadAllBytes(path));
    }
}
