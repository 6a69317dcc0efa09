using System.Globalization;
using System.Text;
using HiTech.Core.Analytics;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>The SQL dialects the dashboard's queries are written for: the store (DuckDB), and PostgreSQL for the benchmark beside it.</summary>
public enum SqlDialect
{
    DuckDb,
    Postgres,
}

/// <summary>
/// The dashboard's queries, the one place they are written (the page and <c>bench/analytics.sh</c> run these same
/// texts). They compute per group only what disclosure control needs (the count of enterprises; for each measure its
/// sum, largest and second-largest contribution, and how many reported it): the indicators and the suppression are
/// worked out from those totals in Core. Parameters are positional: <c>$1</c> the year, <c>$2</c> the priority
/// sector or null for all, <c>$3</c> the size class or null for all.
/// </summary>
public static class DashboardSql
{
    /// <summary>The groupings the dashboard shows (GroupDimension's names) and their SQL; unknown keys as Core names them.</summary>
    public static readonly IReadOnlyDictionary<GroupDimension, string> Groupings = new Dictionary<GroupDimension, string>
    {
        [GroupDimension.State] = $"'{GroupDimensions.Kerala}'",
        [GroupDimension.District] = $"coalesce(district_id, '{GroupDimensions.UnknownDistrict}')",
        [GroupDimension.Division] = "nic_division",
        [GroupDimension.Sector] = $"coalesce(sector_id, '{GroupDimensions.NoSector}')",
        [GroupDimension.Size] = "size_class",
        [GroupDimension.Tier] = "tier_id",
        [GroupDimension.Year] = "year",
    };

    private const string Filter = "($2 IS NULL OR sector_id = $2) AND ($3 IS NULL OR size_class = $3)";

    /// <summary>
    /// The enterprises the filter leaves out (an enterprise of no sector is outside any sector filter): the filtered DMA
    /// mean is hidden when few of them reported, as their mean would follow from the two published ones.
    /// </summary>
    private const string OutsideFilter = "NOT coalesce(($2 IS NULL OR sector_id = $2) AND ($3 IS NULL OR size_class = $3), false)";

    private static string Where(bool outside) => outside ? OutsideFilter : Filter;

    /// <summary>
    /// Totals per group, tier and status for one year (grouping by year reads the year before as well, for the change);
    /// <see cref="StoreQueries"/> merges the tiers and statuses of a group into its <see cref="GroupTotals"/>.
    /// Columns: grp, tier_id, status, enterprises, hi_tech, certifications, dma_sum, dma_n, dma_b0..dma_b4, then per
    /// measure m of <see cref="Measures.All"/>: m_sum, m_max, m_second, m_n.
    /// </summary>
    public static string Totals(GroupDimension by, SqlDialect dialect)
    {
        var years = by == GroupDimension.Year ? "year IN ($1 - 1, $1)" : "year = $1";
        return TotalsBy($"CAST({Groupings[by]} AS VARCHAR)", dialect, $"{years} AND {Filter}");
    }

    /// <summary>
    /// As <see cref="Totals"/> for one year, unfiltered, per group, priority sector and size class together: the cells
    /// of the cube that disclosure control of every filter combination reads (<see cref="FilterCube"/>). The grp column
    /// holds the three keys joined by <see cref="CubeSeparator"/>.
    /// </summary>
    public static string CubeTotals(GroupDimension by, SqlDialect dialect) => TotalsBy(
        $"CAST({Groupings[by]} AS VARCHAR) || chr(31) || {Groupings[GroupDimension.Sector]} || chr(31) || {Groupings[GroupDimension.Size]}", dialect, "year = $1");

    /// <summary>What joins a cube cell's keys in the grp column (chr(31), the unit separator: no key contains it).</summary>
    public const char CubeSeparator = '\u001f';

    private static string TotalsBy(string grouping, SqlDialect dialect, string where)
    {
        var sql = new StringBuilder()
            .Append("SELECT ").Append(grouping).Append(" AS grp, tier_id, status, count(*) AS enterprises, ")
            .Append("count(*) FILTER (WHERE hi_tech) AS hi_tech, CAST(sum(certifications) AS BIGINT) AS certifications, ")
            .Append("sum(digital_maturity) AS dma_sum, count(digital_maturity) AS dma_n");
        for (var band = 0; band < ScoreDistribution.BandCount; band++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE {InBand("digital_maturity", band)}) AS dma_b{band}");
        }

        foreach (var m in Measures.All)
        {
            sql.Append(CultureInfo.InvariantCulture, $", CAST(sum({m}) AS DECIMAL(38,2)) AS {m}_sum, CAST(max({m}) AS DECIMAL(38,2)) AS {m}_max, CAST({Second(m, dialect)} AS DECIMAL(38,2)) AS {m}_second, count({m}) AS {m}_n");
        }

        return sql.Append(" FROM enterprise_facts WHERE ").Append(where).Append(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").ToString();
    }

    /// <summary>Tier last year against tier this year, for the enterprises assessed in both. Columns: from_tier, to_tier, enterprises.</summary>
    public const string Transitions =
        "SELECT b.tier_id AS from_tier, a.tier_id AS to_tier, count(*) AS enterprises "
        + "FROM enterprise_facts a JOIN enterprise_facts b ON b.enterprise_id = a.enterprise_id AND b.year = a.year - 1 "
        + "WHERE a.year = $1 AND ($2 IS NULL OR a.sector_id = $2) AND ($3 IS NULL OR a.size_class = $3) "
        + "GROUP BY 1, 2 ORDER BY 1, 2";

    /// <summary>As <see cref="Transitions"/>, unfiltered, per priority sector and size class this year. Columns: from_tier, to_tier, sector, size, enterprises.</summary>
    public static readonly string CubeTransitions =
        "SELECT b.tier_id AS from_tier, a.tier_id AS to_tier, "
        + Groupings[GroupDimension.Sector].Replace("sector_id", "a.sector_id", StringComparison.Ordinal) + " AS sector, a.size_class AS size, count(*) AS enterprises "
        + "FROM enterprise_facts a JOIN enterprise_facts b ON b.enterprise_id = a.enterprise_id AND b.year = a.year - 1 "
        + "WHERE a.year = $1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";

    /// <summary>Assessments of a year by stage, with the days from hand-in to decision. Columns: stage, assessments, decided, median_days, p90_days.</summary>
    public static string Pipeline(SqlDialect dialect)
    {
        var days = dialect == SqlDialect.DuckDb
            ? "date_diff('second', submitted_at, decided_at) / 86400.0"
            : "EXTRACT(EPOCH FROM (decided_at - submitted_at)) / 86400.0";
        var (median, p90) = dialect == SqlDialect.DuckDb
            ? ($"quantile_cont({days}, 0.5)", $"quantile_cont({days}, 0.9)")
            : ($"percentile_cont(0.5) WITHIN GROUP (ORDER BY {days})", $"percentile_cont(0.9) WITHIN GROUP (ORDER BY {days})");
        return $"SELECT stage, count(*) AS assessments, count(decided_at) AS decided, {median} AS median_days, {p90} AS p90_days "
            + "FROM assessment_pipeline WHERE year = $1 GROUP BY 1 ORDER BY 1";
    }

    /// <summary>
    /// Digital maturity per DMA dimension for one year: one row, and for each column of <paramref name="columns"/>
    /// (enterprise_facts' dma_ columns, as dma_dimensions lists them) in order: the sum, how many gave it, and the count
    /// in each band of <see cref="ScoreDistribution"/>.
    /// </summary>
    public static string Dimensions(IReadOnlyList<string> columns, bool outside = false) =>
        $"SELECT {DimensionFigures(columns)} FROM enterprise_facts WHERE year = $1 AND {Where(outside)}";

    /// <summary>As <see cref="Dimensions"/>, unfiltered, one row per priority sector and size class (the first two columns: sector, size).</summary>
    public static string CubeDimensions(IReadOnlyList<string> columns) =>
        $"SELECT {Groupings[GroupDimension.Sector]} AS sector, size_class AS size, {DimensionFigures(columns)} FROM enterprise_facts WHERE year = $1 GROUP BY 1, 2 ORDER BY 1, 2";

    private static string DimensionFigures(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var sql = new StringBuilder("count(*) AS enterprises");
        foreach (var column in columns)
        {
            if (!column.StartsWith("dma_", StringComparison.Ordinal) || !column.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                throw new ArgumentException($"'{column}' is not a dma_ column of enterprise_facts", nameof(columns));
            }

            sql.Append(CultureInfo.InvariantCulture, $", sum({column}), count({column})");
            for (var band = 0; band < ScoreDistribution.BandCount; band++)
            {
                sql.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE {InBand(column, band)})");
            }
        }

        return sql.ToString();
    }

    /// <summary>The DMA dimensions of the snapshot, with their columns. Columns: dimension_id, column_name.</summary>
    public const string DimensionColumns =
        "SELECT dimension_id, column_name FROM dma_dimensions ORDER BY 1";

    /// <summary>Whether the snapshot lists its DMA dimensions (snapshots written before it did have no dma_dimensions table).</summary>
    public const string HasDimensionColumns = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dma_dimensions'";

    /// <summary>The years the snapshot holds, newest first.</summary>
    public const string Years = "SELECT DISTINCT year FROM enterprise_facts ORDER BY year DESC";

    /// <summary>
    /// A score in a band of <see cref="ScoreDistribution.BandOf"/> (the first band takes anything below its top, the last
    /// anything from its bottom), as plain comparisons: a tenth of the cost of computing the band per row (bench/RESULTS.md).
    /// </summary>
    private static string InBand(string column, int band)
    {
        var low = (band * ScoreDistribution.BandWidth).ToString(CultureInfo.InvariantCulture);
        var high = ((band + 1) * ScoreDistribution.BandWidth).ToString(CultureInfo.InvariantCulture);
        return band switch
        {
            0 => $"{column} < {high}",
            ScoreDistribution.BandCount - 1 => $"{column} >= {low}",
            _ => $"{column} >= {low} AND {column} < {high}",
        };
    }

    /// <summary>The second-largest contribution: DuckDB's top-n max; PostgreSQL has none, so the second of the sorted values.</summary>
    private static string Second(string column, SqlDialect dialect) => dialect == SqlDialect.DuckDb
        ? $"list_extract(max({column}, 2), 2)"
        : $"(array_agg({column} ORDER BY {column} DESC) FILTER (WHERE {column} IS NOT NULL))[2]";
}
