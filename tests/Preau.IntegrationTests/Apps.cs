using Preau.Testing;

namespace Preau.IntegrationTests;

/// <summary>The application on SQLite, one per test class.</summary>
public sealed class SqliteApp() : PreauApp(DatabaseKind.Sqlite);

/// <summary>The application on PostgreSQL, one per test class.</summary>
public sealed class PostgresApp() : PreauApp(DatabaseKind.Postgres);
