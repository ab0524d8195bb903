using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Platform.Persistence;

namespace Preau.Feed.Push;

/// <summary>The VAPID identity push services know us by: a P-256 key pair and a contact.</summary>
internal sealed record Vapid(string PublicKey, string PrivateKey, string Subject);

/// <summary>
/// The VAPID keys: from the settings (Push:PublicKey, Push:PrivateKey), else a pair made on first
/// use and kept in the database, so that every node signs with the same key (a browser's
/// subscription is bound to the public key it was made with).
/// </summary>
internal sealed class VapidKeys(IServiceScopeFactory scopes, IOptions<PushOptions> options, IConfiguration configuration, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Vapid? _keys;

    public async Task<Vapid> GetAsync(CancellationToken ct = default)
    {
        if (_keys is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _keys ??= await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Vapid> LoadAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var subject = !string.IsNullOrWhiteSpace(settings.Subject) ? settings.Subject
            : "mailto:" + (configuration["Mail:From"] is { Length: > 0 } from ? from : "no-reply@preau.localhost");
        if (!string.IsNullOrWhiteSpace(settings.PublicKey) && !string.IsNullOrWhiteSpace(settings.PrivateKey))
        {
            return new Vapid(settings.PublicKey, settings.PrivateKey, subject);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var stored = await db.Set<PushKeyPair>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct);
        if (stored is null)
        {
            var (publicKey, privateKey) = Create();
            db.Add(new PushKeyPair { Id = 1, PublicKey = publicKey, PrivateKey = privateKey, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node made its pair at the same moment: use the one that was kept.
                db.ChangeTracker.Clear();
            }

            stored = await db.Set<PushKeyPair>().AsNoTracking().FirstAsync(k => k.Id == 1, ct);
        }

        return new Vapid(stored.PublicKey, stored.PrivateKey, subject);
    }

    /// <summary>A new P-256 pair: the public key as an uncompressed point, the private scalar, both base64url.</summary>
    internal static (string PublicKey, string PrivateKey) Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        return (Base64Url.EncodeToString(point), Base64Url.EncodeToString(parameters.D!));
    }
}
