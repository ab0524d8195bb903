using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Preau.IntegrationTests.Push;

/// <summary>One notification as the push service received it.</summary>
public sealed record PushRequest(string Path, string? Authorization, string? ContentEncoding, string? Ttl, string? Topic, byte[] Body);

/// <summary>
/// A push service on loopback, as a browser vendor runs one: it records each notification posted
/// to a device's endpoint and answers 201, or the status a test chose for that endpoint (410 for
/// a device that is gone).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, HttpStatusCode> _answers = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public ConcurrentQueue<PushRequest> Received { get; } = new();

    public string Origin { get; }

    private FakePushService(int port)
    {
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public static FakePushService Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakePushService(port);
    }

    /// <summary>A fresh endpoint on this service; notifications to it answer <paramref name="answer"/>.</summary>
    public string NewEndpoint(HttpStatusCode answer = HttpStatusCode.Created)
    {
        var path = "/push/" + Guid.NewGuid().ToString("N");
        _answers[path] = answer;
        return Origin + path;
    }

    public IReadOnlyList<PushRequest> To(string endpoint) =>
        Received.Where(r => Origin + r.Path == endpoint).ToList();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            var headers = context.Request.Headers;
            Received.Enqueue(new PushRequest(path, headers["Authorization"], headers["Content-Encoding"], headers["TTL"], headers["Topic"], body.ToArray()));
            context.Response.StatusCode = (int)_answers.GetValueOrDefault(path, HttpStatusCode.NotFound);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
