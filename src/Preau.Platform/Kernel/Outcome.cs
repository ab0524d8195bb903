namespace Preau.Platform.Kernel;

/// <summary>
/// What a use case that changes something gives back: done (with a value), not found (out of
/// scope or absent: a 404), or refused with the reasons per field, as resource keys of the
/// module's strings.
/// </summary>
public sealed record Outcome<T>
{
    internal Outcome(T? value, bool found, IReadOnlyDictionary<string, string[]>? errors) => (Value, Found, Errors) = (value, found, errors);

    public T? Value { get; }

    public bool Found { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public bool Succeeded => Found && Errors is null;

    /// <summary>The same outcome with its value turned into another (an API's answer).</summary>
    public Outcome<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return !Found ? new(default, false, null) : Errors is { } errors ? new(default, true, errors) : new(map(Value!), true, null);
    }

    public static implicit operator Outcome<T>(T value) => new(value, true, null);
}

public static class Outcome
{
    public static Outcome<T> NotFound<T>() => new(default, false, null);

    public static Outcome<T> Invalid<T>(string field, string errorKey) => new(default, true, new Dictionary<string, string[]> { [field] = [errorKey] });

    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new(default, true, errors);
}

/// <summary>A change with nothing to give back.</summary>
public readonly record struct Done;

/// <summary>Collects field errors (resource keys) while a request is checked.</summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string errorKey)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(errorKey);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
