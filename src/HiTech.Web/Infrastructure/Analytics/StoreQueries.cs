using System.Collections.Immutable;
using System.Data.Common;
using HiTech.Core.Analytics;
using Npgsql;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>One stage of the review pipeline in a year: how many assessments, how many decided, and the days to a decision.</summary>
public sealed record PipelineStage(string Stage, int Assessments, int Decided, double? MedianDays, double? P90Days);

/// <summary>
/// Runs <see cref="DashboardSql"/> on a connection (the store's DuckDB, or PostgreSQL in the benchmark) and reads the
/// answers into Core's types, so that disclosure control and the indicators run on them exactly as on totals
/// computed in memory.
/// </summary>
public static class StoreQueries
{
    public static async Task<GroupTable> TotalsAsync(DbConnection connection, SqlDialect dialect, GroupDimension by, int year, string? sector, string? size, CancellationToken cancellationToken)
    {
        var groups = new SortedDictionary<string, GroupTotals>(StringComparer.Ordinal);
        await using (var reader = await ReadAsync(connection, DashboardSql.Totals(by, dialect), [year, sector, size], cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var part = Part(reader);
                groups[part.Group] = groups.TryGetValue(part.Group, out var so) ? Merge(so, part, part.Group) : part;
            }
        }

        var total = groups.Values.Aggregate(GroupTotals.Empty(GroupTotals.AllGroup), (all, g) => Merge(all, g, GroupTotals.AllGroup));
        return new GroupTable(by, [.. groups.Values], total);
    }

    /// <summary>Enterprises assessed in both years, by tier the year before (From) and this year (To).</summary>
    public static async Task<IReadOnlyList<(string From, string To, int Enterprises)>> TransitionsAsync(DbConnection connection, int year, string? sector, string? size, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, int)>();
        await using var reader = await ReadAsync(connection, DashboardSql.Transitions, [year, sector, size], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<PipelineStage>> PipelineAsync(DbConnection connection, SqlDialect dialect, int year, CancellationToken cancellationToken)
    {
        var rows = new List<PipelineStage>();
        await using var reader = await ReadAsync(connection, DashboardSql.Pipeline(dialect), [year], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PipelineStage(reader.GetString(0), Int(reader, 1), Int(reader, 2), Double(reader, 3), Double(reader, 4)));
        }

        return rows;
    }

    /// <summary>Digital maturity per DMA dimension (by dimension id) of one year's enterprises; empty when the snapshot has none.</summary>
    public static Task<IReadOnlyDictionary<string, ScoreDistribution>> DimensionsAsync(DbConnection connection, int year, string? sector, string? size, CancellationToken cancellationToken) =>
        DimensionsAsync(connection, year, sector, size, outside: false, cancellationToken);

    public static async Task<IReadOnlyDictionary<string, ScoreDistribution>> DimensionsAsync(DbConnection connection, int year, string? sector, string? size, bool outside, CancellationToken cancellationToken)
    {
        var distributions = new Dictionary<string, ScoreDistribution>(StringComparer.Ordinal);
        var dimensions = await DimensionColumnsAsync(connection, cancellationToken);
        if (dimensions.Count == 0)
        {
            return distributions;
        }

        await using (var reader = await ReadAsync(connection, DashboardSql.Dimensions([.. dimensions.Select(d => d.Column)], outside), [year, sector, size], cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return Distributions(reader, dimensions, 1);
            }
        }

        return distributions;
    }

    /// <summary>Digital maturity per DMA dimension, per priority sector and size class (the cube's cells; empty when the snapshot has none).</summary>
    public static async Task<IReadOnlyDictionary<(string Sector, string Size), Dictionary<string, ScoreDistribution>>> CubeDimensionsAsync(DbConnection connection, int year, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Sector, string Size), Dictionary<string, ScoreDistribution>>();
        var dimensions = await DimensionColumnsAsync(connection, cancellationToken);
        if (dimensions.Count == 0)
        {
            return cells;
        }

        await using var reader = await ReadAsync(connection, DashboardSql.CubeDimensions([.. dimensions.Select(d => d.Column)]), [year], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells[(reader.GetString(0), reader.GetString(1))] = Distributions(reader, dimensions, 3);
        }

        return cells;
    }

    /// <summary>Totals per group, priority sector and size class of one year, unfiltered: the cells of a <see cref="FilterCube"/>.</summary>
    public static async Task<IReadOnlyDictionary<CubeKey, GroupTotals>> CubeTotalsAsync(DbConnection connection, SqlDialect dialect, GroupDimension by, int year, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<CubeKey, GroupTotals>();
        await using var reader = await ReadAsync(connection, DashboardSql.CubeTotals(by, dialect), [year], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var part = Part(reader);
            var keys = part.Group.Split(DashboardSql.CubeSeparator);
            var key = new CubeKey(keys[0], keys[1], keys[2]);
            cells[key] = cells.TryGetValue(key, out var so) ? Merge(so, part, key.Row) : part with { Group = key.Row };
        }

        return cells;
    }

    /// <summary>Enterprises assessed in both years, by tier the year before and this year, per priority sector and size class this year.</summary>
    public static async Task<IReadOnlyList<(string From, string To, string Sector, string Size, int Enterprises)>> CubeTransitionsAsync(DbConnection connection, int year, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string, string, int)>();
        await using var reader = await ReadAsync(connection, DashboardSql.CubeTransitions, [year], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Int(reader, 4)));
        }

        return rows;
    }

    private static async Task<List<(string Id, string Column)>> DimensionColumnsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var dimensions = new List<(string Id, string Column)>();
        await using (var reader = await ReadAsync(connection, DashboardSql.HasDimensionColumns, [], cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || Int(reader, 0) == 0)
            {
                return dimensions;
            }
        }

        await using (var reader = await ReadAsync(connection, DashboardSql.DimensionColumns, [], cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                dimensions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return dimensions;
    }

    /// <summary>Each dimension's distribution from a row of <see cref="DashboardSql.Dimensions"/>'s figures, starting at <paramref name="column"/>.</summary>
    private static Dictionary<string, ScoreDistribution> Distributions(DbDataReader reader, IReadOnlyList<(string Id, string Column)> dimensions, int column)
    {
        var distributions = new Dictionary<string, ScoreDistribution>(StringComparer.Ordinal);
        foreach (var (id, _) in dimensions)
        {
            var bands = ImmutableArray.CreateBuilder<int>(ScoreDistribution.BandCount);
            for (var b = 0; b < ScoreDistribution.BandCount; b++)
            {
                bands.Add(Int(reader, column + 2 + b));
            }

            distributions[id] = new ScoreDistribution(Double(reader, column) ?? 0, Int(reader, column + 1), bands.MoveToImmutable());
            column += 2 + ScoreDistribution.BandCount;
        }

        return distributions;
    }

    public static async Task<IReadOnlyList<int>> YearsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var years = new List<int>();
        await using var reader = await ReadAsync(connection, DashboardSql.Years, [], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add(Int(reader, 0));
        }

        return years;
    }

    /// <summary>A query with positional parameters ($1, $2...): an int is an integer, anything else text (null as NULL).</summary>
    public static async Task<DbDataReader> ReadAsync(DbConnection connection, string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            if (parameter is NpgsqlParameter typed)
            {
                typed.NpgsqlDbType = value is int ? NpgsqlTypes.NpgsqlDbType.Integer : NpgsqlTypes.NpgsqlDbType.Text;
            }

            command.Parameters.Add(parameter);
        }

        return await command.ExecuteReaderAsync(cancellationToken);
    }

    /// <summary>One row of the totals query: a group's enterprises of one tier and status.</summary>
    private static GroupTotals Part(DbDataReader r)
    {
        var group = r.GetString(0);
        var tier = r.GetString(1);
        var status = r.GetString(2);
        var enterprises = Int(r, 3);
        var bands = ImmutableArray.CreateBuilder<int>(ScoreDistribution.BandCount);
        for (var b = 0; b < ScoreDistribution.BandCount; b++)
        {
            bands.Add(Int(r, 8 + b));
        }

        var measures = new Dictionary<string, MeasureTotals>(StringComparer.Ordinal);
        var column = 8 + ScoreDistribution.BandCount;
        foreach (var m in Measures.All)
        {
            var reporting = Int(r, column + 3);
            if (reporting > 0)
            {
                measures[m] = new MeasureTotals(Decimal(r, column), Decimal(r, column + 1), Decimal(r, column + 2), reporting);
            }

            column += 4;
        }

        return new GroupTotals(
            group,
            enterprises,
            Int(r, 4),
            new Dictionary<string, int>(StringComparer.Ordinal) { [tier] = enterprises },
            new Dictionary<string, int>(StringComparer.Ordinal) { [status] = enterprises },
            measures,
            new ScoreDistribution(Double(r, 6) ?? 0, Int(r, 7), bands.MoveToImmutable()),
            new Dictionary<string, ScoreDistribution>(StringComparer.Ordinal),
            Int(r, 5));
    }

    /// <summary>Two disjoint parts of a group together, under the group's key.</summary>
    private static GroupTotals Merge(GroupTotals a, GroupTotals b, string group) => a.Merge(b) with { Group = group };

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Decimal(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDecimal(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static double? Double(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
