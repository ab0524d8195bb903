using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Preau.IntegrationTests.Recovery;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package): the application's MailKit
/// client talks SMTP to it, and the test reads what arrived, in order.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received.Writer));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var sink = new SmtpSink(port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    /// <summary>The next message the server accepted (waits up to 20 seconds).</summary>
    public async Task<MimeMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No message reached the test SMTP server.");
        }
    }

    /// <summary>Messages received so far and not read yet.</summary>
    public IReadOnlyList<MimeMessage> Drain()
    {
        var messages = new List<MimeMessage>();
        while (_received.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            await received.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>An application whose mail goes by SMTP to a <see cref="SmtpSink"/> started before it.</summary>
public abstract class SmtpApp(Preau.Testing.DatabaseKind kind) : Preau.Testing.PreauApp(kind)
{
    public SmtpSink Smtp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "ent@ville.example",
    };

    public override async ValueTask InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSmtpApp() : SmtpApp(Preau.Testing.DatabaseKind.Sqlite);

public sealed class PostgresSmtpApp() : SmtpApp(Preau.Testing.DatabaseKind.Postgres);
