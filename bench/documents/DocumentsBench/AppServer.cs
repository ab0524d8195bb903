using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Preau.Bench.Documents;

/// <summary>
/// The application as it runs in production: Preau.Web (beside this assembly) in a process of its
/// own on Kestrel, on a free loopback port, with the demo city seeded on a fresh database. Its own
/// process, so that its resident memory is the server's alone.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the application with these settings (as command-line options) and waits until it is ready.</summary>
    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var port = FreePort();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Preau.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Preau.Web did not start.");
        var server = new AppServer(process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Preau.Web exited during start-up ({process.ExitCode}):\n{server.Log}");
            }

            try
            {
                using var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Busy migrating or seeding.
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(4))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"Preau.Web was not ready within 4 minutes:\n{server.Log}");
            }

            await Task.Delay(200, ct);
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The server process's resident memory (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{_process.Id}/status")))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS in /proc: resident memory is read on Linux only.");
    }

    /// <summary>
    /// A client signed in as <paramref name="login"/> through the login form (cookie kept), with the
    /// antiforgery token the API's uploads want in X-CSRF-TOKEN.
    /// </summary>
    public async Task<(HttpClient Client, string Token)> SignInAsync(string login, string password, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        var token = await TokenAsync(client, "/login", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
        using var posted = await client.PostAsync(new Uri("/login", UriKind.Relative), form, ct);
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {login} answered {(int)posted.StatusCode}, not 302.");
        }

        return (client, await TokenAsync(client, "/account", ct));
    }

    private static async Task<string> TokenAsync(HttpClient client, string path, CancellationToken ct)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        var match = CsrfField().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running this process (or the one on the PATH when run from a test host's own executable).</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
