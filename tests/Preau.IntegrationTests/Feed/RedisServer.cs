using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// A throwaway Redis server on a free loopback port, for the tests of several nodes sharing one
/// backplane: Debian's redis-server (./test.sh installs it), nothing saved to disk, killed at the end.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Variable = "PREAU_REDIS_SERVER";

    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        path = string.IsNullOrWhiteSpace(path) ? "/usr/bin/redis-server" : path;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The scale-out tests need Redis at {path} (set {Variable}); ./test.sh installs Debian's redis-server package.");
        }

        var port = FreePort();
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-redis-").FullName;
        var start = new ProcessStartInfo(path)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not answer on port {port}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-folder cleaning.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
