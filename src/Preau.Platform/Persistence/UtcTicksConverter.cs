using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Preau.Platform.Persistence;

/// <summary>Stores an instant as UTC ticks, for SQLite.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
