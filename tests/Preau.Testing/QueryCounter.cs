using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Preau.Testing;

/// <summary>
/// Counts the SQL commands the application sends, to hold pages to a bounded number of queries,
/// and keeps their text so that a test over budget can say which command was one too many.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private ConcurrentQueue<string> _commands = new();

    public int Count => Volatile.Read(ref _commands).Count;

    /// <summary>The commands sent since the last reset, oldest first.</summary>
    public IReadOnlyList<string> Commands => [.. Volatile.Read(ref _commands)];

    public void Reset() => Interlocked.Exchange(ref _commands, new ConcurrentQueue<string>());

    private void Record(DbCommand command) => Volatile.Read(ref _commands).Enqueue(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
