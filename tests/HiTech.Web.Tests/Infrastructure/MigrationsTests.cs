using HiTech.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Each provider has its own migration set (Data/Migrations/Sqlite and Data/Migrations/Postgres). A change to the
/// model without a migration for both would stop the platform at start-up (or, on PostgreSQL, at the release's
/// <c>migrate</c> step); this says which is missing, without needing a database.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes with no SQLite migration: in src/HiTech.Web run dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes with no PostgreSQL migration: in src/HiTech.Web run dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Data/Migrations/Postgres");
    }
}
