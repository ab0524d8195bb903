using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Preau.Testing;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// The real application as a child process (<c>dotnet Preau.Web.dll</c>, the build the tests run
/// beside) on a data folder of the test's, SQLite in it, on a free loopback port: what a crash
/// test kills with SIGKILL.
/// </summary>
internal sealed class RealHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private RealHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    public Uri Address { get; }

    /// <summary>Starts the host with the demo city seeded and waits until it answers.</summary>
    public static async Task<RealHost> StartAsync(string dataFolder, IEnumerable<string> settings, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Preau.Web.dll"), $"--Preau:DataPath={dataFolder}", "--Preau:SeedDemo=true", "--Preau:DemoContent=false",
            "--Preau:LogFormat=text", "--urls", $"http://127.0.0.1:{port}" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var host = new RealHost(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = host.Address };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (host._process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host._process.ExitCode}: {await host._output}{await host._errors}");
            }

            try
            {
                if ((await probe.GetAsync("/health/live", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromMinutes(10))
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>A client of the host, signed in through its login form, that keeps cookies.</summary>
    public async Task<HttpClient> SignedInClientAsync(string login)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var answer = await PreauApp.PostLoginAsync(client, login, PreauApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no finally, no flush — a power cut for the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
