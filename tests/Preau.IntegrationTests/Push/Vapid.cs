using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Preau.IntegrationTests.Push;

/// <summary>Checks a notification's VAPID authorization (RFC 8292) as a push service does.</summary>
internal static class Vapid
{
    /// <summary>Asserts "vapid t=JWT, k=KEY": the key is the server's, the ES256 signature verifies with it, the audience is the endpoint's origin, it expires within a day.</summary>
    public static void AssertSigned(string? authorization, string publicKey, string endpoint)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(publicKey, parts["k"]);

        var token = parts["t"].Split('.');
        Assert.Equal(3, token.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());

        var point = Base64Url.DecodeFromChars(publicKey);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(token[0] + "." + token[1]), Base64Url.DecodeFromChars(token[2]), HashAlgorithmName.SHA256),
            "The JWT is signed with the server's VAPID key.");

        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token[1])).RootElement;
        var uri = new Uri(endpoint);
        Assert.Equal(uri.GetLeftPart(UriPartial.Authority), claims.GetProperty("aud").GetString());
        Assert.StartsWith("mailto:", claims.GetProperty("sub").GetString(), StringComparison.Ordinal);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var exp = claims.GetProperty("exp").GetInt64();
        Assert.InRange(exp, now, now + (24 * 3600));
    }
}
