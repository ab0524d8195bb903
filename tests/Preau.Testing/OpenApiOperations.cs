using System.Text.Json;

namespace Preau.Testing;

/// <summary>
/// The operations of the application's OpenAPI document (<c>/api/v1/openapi.json</c>) under one path
/// prefix, for a module's "described in OpenAPI" test: each must have an operationId and a summary.
/// </summary>
public static class OpenApiOperations
{
    /// <summary>
    /// The document and the operation ids under <paramref name="prefix"/>; throws, naming them, when
    /// an operation lacks its operationId or summary.
    /// </summary>
    public static async Task<(JsonElement Document, IReadOnlyList<string> Ids)> DescribedAsync(PreauApp app, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/openapi.json", ct)).RootElement.Clone();
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()
                .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
                .Select(o => (Where: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();
        var undescribed = operations.Where(o => string.IsNullOrWhiteSpace(Text(o.Operation, "operationId")) || string.IsNullOrWhiteSpace(Text(o.Operation, "summary")))
            .Select(o => o.Where).ToList();
        if (operations.Count == 0 || undescribed.Count > 0)
        {
            throw new InvalidOperationException(operations.Count == 0
                ? $"No operation under {prefix} in the OpenAPI document."
                : $"Operations without an operationId or a summary: {string.Join(", ", undescribed)}.");
        }

        return (document, [.. operations.Select(o => Text(o.Operation, "operationId")!)]);
    }

    private static string? Text(JsonElement operation, string name) =>
        operation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
