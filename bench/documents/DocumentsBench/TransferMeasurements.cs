using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Preau.Bench.Visibility;

namespace Preau.Bench.Documents;

/// <summary>One file's trip through the API beside cp of the same file on the same disk.</summary>
public sealed record Transfer(string Store, int Megabytes, int Rounds, double CpMBps, double CpSyncMBps, double UploadMBps, double DownloadMBps,
    long BaselineBytes, long UploadPeakBytes, long DownloadPeakBytes, bool SameBytes)
{
    public long UploadGrowth => UploadPeakBytes - BaselineBytes;

    public long DownloadGrowth => DownloadPeakBytes - BaselineBytes;
}

/// <summary>
/// Uploads a file of random bytes through <c>POST /api/v1/documents/files</c> (multipart, streamed
/// from the disk) and downloads it through <c>GET /api/v1/documents/{id}/content</c> into a file on
/// the same disk, while sampling the server's resident memory every 10 ms; times cp of the same
/// file, alone and followed by an fsync of the copy (the store syncs what it keeps).
/// </summary>
public sealed class TransferMeasurements(AppServer server, HttpClient client, string token, string folder)
{
    private const double Mega = 1024 * 1024;

    /// <summary>A first small trip, so that the code is compiled and the pools warm before the baseline is taken.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        var file = await RandomFileAsync(1, "warm", ct);
        for (var i = 0; i < 3; i++)
        {
            var id = await UploadAsync(file, ct);
            await DownloadAsync(id, file + ".back", ct);
        }
    }

    /// <summary>
    /// cp, upload and download of one file <paramref name="rounds"/> times each (cp five times more:
    /// it is the noisiest, a few tens of milliseconds): the medians, and the highest memory reading.
    /// </summary>
    public async Task<Transfer> MeasureAsync(string store, int megabytes, int rounds, CancellationToken ct)
    {
        var source = await RandomFileAsync(megabytes, store, ct);
        var cps = new List<double>();
        var cpSyncs = new List<double>();
        for (var i = 0; i < rounds * 5; i++)
        {
            var (cp, cpSync) = await CopyAsync(source, ct);
            cps.Add(cp);
            cpSyncs.Add(cpSync);
        }

        // The baseline: the server at rest after the warm-up, its collector having had a moment.
        await Task.Delay(1000, ct);
        var baseline = server.ResidentBytes();

        var uploads = new List<double>();
        var downloads = new List<double>();
        long uploadPeak = 0, downloadPeak = 0;
        var same = true;
        for (var round = 0; round < rounds; round++)
        {
            // Each round its own content (the store keeps one copy of equal content): the last bytes differ.
            await MarkAsync(source, round, ct);
            Guid id;
            var clock = Stopwatch.StartNew();
            using (var sampler = new MemorySampler(server))
            {
                id = await UploadAsync(source, ct);
                clock.Stop();
                uploadPeak = Math.Max(uploadPeak, await sampler.PeakAsync());
            }

            uploads.Add(megabytes / clock.Elapsed.TotalSeconds);
            var back = source + ".back";
            clock.Restart();
            using (var sampler = new MemorySampler(server))
            {
                await DownloadAsync(id, back, ct);
                clock.Stop();
                downloadPeak = Math.Max(downloadPeak, await sampler.PeakAsync());
            }

            downloads.Add(megabytes / clock.Elapsed.TotalSeconds);
            same &= await HashAsync(source, ct) == await HashAsync(back, ct);
            File.Delete(back);
        }

        File.Delete(source);
        return new Transfer(store, megabytes, rounds, Median(cps), Median(cpSyncs), Median(uploads), Median(downloads), baseline, uploadPeak, downloadPeak, same);
    }

    private static double Median(List<double> values) => LatencyTable.Percentile([.. values.Order()], 0.50);

    /// <summary>Writes the round's number over the file's last eight bytes.</summary>
    private static async Task MarkAsync(string path, int round, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Seek(-8, SeekOrigin.End);
        await file.WriteAsync(BitConverter.GetBytes((long)round + 1), ct);
    }

    private async Task<Guid> UploadAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var form = new MultipartFormDataContent();
        var part = new StreamContent(file, 81920);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", Path.GetFileName(path) + ".bin");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/documents/files?folder=" + folder, UriKind.Relative)) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The upload of {Path.GetFileName(path)} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("documents")[0].GetProperty("id").GetGuid();
    }

    private async Task DownloadAsync(Guid id, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/documents/{id}/content", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The download of {id} answered {(int)response.StatusCode}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await body.CopyToAsync(file, 81920, ct);
    }

    /// <summary>cp of the file beside it, then the same followed by an fsync of the copy: MB/s each.</summary>
    private static async Task<(double Cp, double CpSync)> CopyAsync(string source, CancellationToken ct)
    {
        var megabytes = new FileInfo(source).Length / Mega;
        var target = source + ".cp";
        var clock = Stopwatch.StartNew();
        await RunAsync("cp", [source, target], ct);
        var cp = megabytes / clock.Elapsed.TotalSeconds;
        File.Delete(target);
        clock.Restart();
        await RunAsync("cp", [source, target], ct);
        await using (var copy = new FileStream(target, FileMode.Open, FileAccess.ReadWrite))
        {
            copy.Flush(flushToDisk: true);
        }

        var cpSync = megabytes / clock.Elapsed.TotalSeconds;
        File.Delete(target);
        return (cp, cpSync);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}.");
        }
    }

    /// <summary>A file of random (incompressible) bytes in the data folder, on the disk the store uses.</summary>
    private async Task<string> RandomFileAsync(int megabytes, string label, CancellationToken ct)
    {
        var folderPath = Path.Combine(Files, "transfer");
        System.IO.Directory.CreateDirectory(folderPath);
        var path = Path.Combine(folderPath, string.Create(CultureInfo.InvariantCulture, $"{label}-{megabytes}mb"));
        var random = new Random(megabytes);
        var buffer = new byte[1024 * 1024];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer, ct);
        }

        return path;
    }

    /// <summary>Where the files to send and the files received are written (the data folder's disk).</summary>
    public required string Files { get; init; }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(file, ct));
    }

    public static string Table(IEnumerable<Transfer> transfers)
    {
        var text = new StringBuilder();
        text.AppendLine("| store | file | rounds | cp MB/s | cp + fsync MB/s | upload MB/s | upload / cp | download MB/s | download / cp | server RSS at rest | RSS peak − rest, upload | RSS peak − rest, download |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var t in transfers)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {t.Store} | {t.Megabytes} MB | {t.Rounds} | {t.CpMBps:0} | {t.CpSyncMBps:0} | {t.UploadMBps:0} | {t.UploadMBps / t.CpMBps:0.00} | {t.DownloadMBps:0} | {t.DownloadMBps / t.CpMBps:0.00} | {t.BaselineBytes / Mega:0} MB | {t.UploadGrowth / Mega:+0.0;-0.0} MB | {t.DownloadGrowth / Mega:+0.0;-0.0} MB |"));
        }

        return text.ToString();
    }

    /// <summary>Reads the server's resident memory every 10 ms until disposed; the highest reading is the peak.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public MemorySampler(AppServer server)
        {
            _sampling = Task.Run(async () =>
            {
                var peak = server.ResidentBytes();
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, server.ResidentBytes());
                    try
                    {
                        await Task.Delay(10, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                return Math.Max(peak, server.ResidentBytes());
            });
        }

        public async Task<long> PeakAsync()
        {
            await _stop.CancelAsync();
            return await _sampling;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
