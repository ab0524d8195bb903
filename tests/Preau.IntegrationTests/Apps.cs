using Preau.Testing;

namespace Preau.IntegrationTests;

/// <summary>The application on SQLite, one per test class.</summary>
public sealed class SqliteApp() : PreauApp(DatabaseKind.Sqlite);

/// <summary>The application on PostgreSQL, one per test class.</summary>
public sealed class PostgresApp() : PreauApp(DatabaseKind.Postgres);

/// <summary>
/// One demo city per provider, shared by the test classes that change nothing in it but their
/// own sessions (pages, API, headers, sessions, the seed itself), because starting a city
/// (migrating, seeding, hashing the personas' passwords) takes seconds. A class that changes
/// people, preferences or settings takes an application of its own instead.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqliteCity : ICollectionFixture<SqliteApp>
{
    public const string Name = "Shared SQLite city";
}

/// <inheritdoc cref="SqliteCity"/>
[CollectionDefinition(Name)]
public sealed class PostgresCity : ICollectionFixture<PostgresApp>
{
    public const string Name = "Shared PostgreSQL city";
}
