using System.Globalization;

namespace Preau.Bench.Visibility;

/// <summary>A measure's percentiles, in milliseconds.</summary>
public sealed record Latency(double P50, double P95, double P99, double Max);

/// <summary>
/// The benchmarks' results table: one row per measure with its samples' p50, p95, p99 and max
/// (nearest-rank percentiles), as Markdown for RESULTS.md.
/// </summary>
public sealed class LatencyTable
{
    private readonly List<string> _rows = [];

    public Latency Add(string measure, string subject, IEnumerable<double> times, string note)
    {
        var sorted = times.Order().ToArray();
        var latency = new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
        _rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {measure} | {subject} | {sorted.Length} | {latency.P50:0.00} | {latency.P95:0.00} | {latency.P99:0.00} | {latency.Max:0.00} | {note} |"));
        return latency;
    }

    public string Markdown() =>
        "| measure | subject | samples | p50 ms | p95 ms | p99 ms | max ms | note |\n|---|---|---|---|---|---|---|---|\n" + string.Join('\n', _rows);

    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
