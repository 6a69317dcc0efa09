using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace HiTech.Web.Data;

/// <summary>
/// Values the database computes so that a query can sort by them on every provider. SQLite stores a DateTimeOffset as
/// text and EF Core refuses to order by it; each provider's context maps <see cref="Instant"/> to a number instead.
/// </summary>
public static class SortKeys
{
    /// <summary>An instant as a number that sorts in time order (only inside a query).</summary>
    public static double? Instant(DateTimeOffset? at) => throw new InvalidOperationException($"SortKeys.Instant({at}) runs only inside a database query.");

    /// <summary>SQLite: julianday() reads the stored text with its offset, to the millisecond.</summary>
    internal static void MapForSqlite(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SortKeys).GetMethod(nameof(Instant))!)
            .HasTranslation(args => new SqlFunctionExpression("julianday", args, nullable: true, argumentsPropagateNullability: [true], typeof(double), null));

    /// <summary>PostgreSQL: seconds since 1970 of the timestamptz.</summary>
    internal static void MapForPostgres(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SortKeys).GetMethod(nameof(Instant))!)
            .HasTranslation(args => new SqlFunctionExpression(
                "date_part", [new SqlFragmentExpression("'epoch'"), args[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(double), null));
}
