using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Preau.IntegrationTests.Push;

/// <summary>
/// What a browser holds for a push subscription: a P-256 key pair and a 16-byte authentication
/// secret. It decrypts what the push service delivers (RFC 8291, aes128gcm content coding of
/// RFC 8188) exactly as the browser would, so a test reads the text a person would see.
/// </summary>
public sealed class BrowserSubscription : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public BrowserSubscription(string endpoint) => Endpoint = endpoint;

    public string Endpoint { get; }

    public string P256dh => Base64Url.EncodeToString(PublicPoint(_key.ExportParameters(false)));

    public string Auth => Base64Url.EncodeToString(_auth);

    /// <summary>The JSON a browser's PushSubscription.toJSON() gives.</summary>
    public object Json => new { endpoint = Endpoint, keys = new { p256dh = P256dh, auth = Auth } };

    public JsonElement Decrypt(byte[] body)
    {
        var salt = body.AsSpan(0, 16);
        var idLength = body[20];
        var serverPublic = body.AsSpan(21, idLength).ToArray();
        var cipher = body.AsSpan(21 + idLength);

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverPublic[1..33], Y = serverPublic[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
        var keyInfo = Encoding.ASCII.GetBytes("WebPush: info\0").Concat(PublicPoint(_key.ExportParameters(false))).Concat(serverPublic).ToArray();
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt.ToArray());
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        var plain = new byte[cipher.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
        }

        // The last record ends with the delimiter 2, then zero padding.
        var end = Array.FindLastIndex(plain, b => b != 0);
        if (end < 0 || plain[end] != 2)
        {
            throw new CryptographicException("The record does not end with the last-record delimiter.");
        }

        return JsonDocument.Parse(plain.AsMemory(0, end)).RootElement.Clone();
    }

    private static byte[] PublicPoint(ECParameters p) => [0x04, .. p.Q.X!, .. p.Q.Y!];

    public void Dispose() => _key.Dispose();
}
