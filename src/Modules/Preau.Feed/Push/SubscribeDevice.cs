using System.Buffers.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Feed.Push;

/// <summary>
/// Enables push on the caller's device: keeps the browser's subscription (its push service
/// endpoint and keys). The same endpoint again updates its keys; an endpoint last used by
/// someone else on a shared browser moves to the caller, since the browser now belongs to them.
/// </summary>
internal sealed class SubscribeDevice(PreauDbContext db, IOptions<PushOptions> options, TimeProvider clock)
{
    public sealed record Request(string? Endpoint, string? P256dh, string? Auth);

    public enum Problem
    {
        None,
        Endpoint,
        Keys,
        TooMany,
    }

    public async Task<(Problem Problem, PushDeviceView? Device)> HandleAsync(Guid userId, Request request, string? userAgent, CancellationToken ct = default)
    {
        if (!PushEndpoints.IsAccepted(request.Endpoint, options.Value))
        {
            return (Problem.Endpoint, null);
        }

        // The browser's key is an uncompressed P-256 point (65 bytes), its secret 16 bytes.
        if (!IsKey(request.P256dh, 65, first: 0x04) || !IsKey(request.Auth, 16, first: null))
        {
            return (Problem.Keys, null);
        }

        var endpoint = request.Endpoint!;
        var device = await db.Set<PushDevice>().FirstOrDefaultAsync(d => d.Endpoint == endpoint, ct);
        if (device is null || device.UserId != userId)
        {
            var count = await db.Set<PushDevice>().CountAsync(d => d.UserId == userId, ct);
            if (count >= options.Value.MaxDevicesPerPerson)
            {
                return (Problem.TooMany, null);
            }
        }

        var now = clock.GetUtcNow();
        if (device is null)
        {
            device = new PushDevice { Id = Guid.CreateVersion7(now), Endpoint = endpoint, P256dh = "", Auth = "", Label = "" };
            db.Add(device);
        }

        device.UserId = userId;
        device.P256dh = request.P256dh!;
        device.Auth = request.Auth!;
        device.Label = Browsers.Describe(userAgent);
        device.CreatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same browser subscribed twice at once: the other request kept it.
            db.ChangeTracker.Clear();
        }

        return (Problem.None, new PushDeviceView(device.Id, device.Label, device.CreatedAt, device.LastSuccessAt, device.Endpoint));
    }

    private static bool IsKey(string? value, int length, byte? first)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[96];
        var trimmed = value.TrimEnd('=');
        if (!Base64Url.IsValid(trimmed, out var decodedLength) || decodedLength != length)
        {
            return false;
        }

        var written = Base64Url.DecodeFromChars(trimmed, bytes);
        return written == length && (first is null || bytes[0] == first);
    }
}

/// <summary>A device as its owner sees it in the list.</summary>
public sealed record PushDeviceView(Guid Id, string Label, DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt, string Endpoint);
