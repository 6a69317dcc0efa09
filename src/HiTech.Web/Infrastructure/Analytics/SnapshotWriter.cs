using System.Text;
using DuckDB.NET.Data;
using HiTech.Core.Analytics;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// Writes one snapshot file: <c>enterprise_facts</c> (the columns of <see cref="EnterpriseFacts"/> in snake_case, a
/// <c>dma_&lt;dimension&gt;</c> column per digital-maturity dimension, listed in <c>dma_dimensions</c>), <c>assessment_pipeline</c> and
/// <c>snapshot_info</c> (the "data as of" stamp). Rows go in through DuckDB's appender. The file is a part file until
/// <see cref="AnalyticsStore.Publish"/> renames it, so nobody reads it half-written.
/// </summary>
public sealed class SnapshotWriter(ISnapshotSource source, AnalyticsStore store, AnalyticsProgress progress, TimeProvider clock)
{
    private const int ProgressEvery = 200;

    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        progress.Started(await source.CountFactsAsync(cancellationToken));

        // Approved assessments number in the thousands, not millions: read them all first, to know the DMA columns.
        var facts = new List<EnterpriseFacts>();
        await foreach (var row in source.FactsAsync(cancellationToken))
        {
            facts.Add(row);
            if (facts.Count % ProgressEvery == 0)
            {
                progress.Advanced(facts.Count);
            }
        }

        var pipeline = new List<PipelineFact>();
        await foreach (var row in source.PipelineAsync(cancellationToken))
        {
            pipeline.Add(row);
        }

        var part = store.NewPartFile(asOf);
        try
        {
            Write(part, asOf, facts, pipeline);
        }
        catch
        {
            File.Delete(part);
            File.Delete(part + ".wal");
            throw;
        }

        progress.Finished();
        return part;
    }

    /// <summary>The facts table and the others, into a new file (also used by the benchmark and the tests).</summary>
    public static void Write(string file, DateTimeOffset asOf, IReadOnlyCollection<EnterpriseFacts> facts, IReadOnlyCollection<PipelineFact> pipeline)
    {
        var dimensions = facts
            .SelectMany(f => f.DmaDimensions?.Keys ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        using (var connection = new DuckDBConnection($"Data Source={file}"))
        {
            connection.Open();
            Execute(connection, FactsTable.CreateSql(dimensions));
            Execute(connection, PipelineTableSql);
            Execute(connection, DimensionsTableSql);
            Execute(connection, "CREATE TABLE snapshot_info (as_of TIMESTAMP NOT NULL, enterprise_rows INTEGER NOT NULL, pipeline_rows INTEGER NOT NULL)");
            using (var appender = connection.CreateAppender("enterprise_facts"))
            {
                foreach (var f in facts)
                {
                    FactsTable.Append(appender.CreateRow(), f, dimensions);
                }
            }

            using (var appender = connection.CreateAppender("assessment_pipeline"))
            {
                foreach (var p in pipeline)
                {
                    appender.CreateRow()
                        .AppendValue(p.Year)
                        .AppendValue(p.DistrictId)
                        .AppendValue(p.Stage)
                        .AppendValue(p.SubmittedAt?.UtcDateTime)
                        .AppendValue(p.DecidedAt?.UtcDateTime)
                        .EndRow();
                }
            }

            using (var appender = connection.CreateAppender("dma_dimensions"))
            {
                foreach (var d in dimensions)
                {
                    appender.CreateRow().AppendValue(d).AppendValue(FactsTable.DimensionColumn(d)).EndRow();
                }
            }

            using (var appender = connection.CreateAppender("snapshot_info"))
            {
                appender.CreateRow().AppendValue(asOf.UtcDateTime).AppendValue(facts.Count).AppendValue(pipeline.Count).EndRow();
            }

            // Everything into the file itself before it is renamed: readers open it read-only, without the log.
            Execute(connection, "CHECKPOINT");
        }
    }

    /// <summary>The pipeline table: one row per assessment handed in, no enterprise.</summary>
    public const string PipelineTableSql =
        "CREATE TABLE assessment_pipeline (year INTEGER NOT NULL, district_id VARCHAR, stage VARCHAR NOT NULL, submitted_at TIMESTAMP, decided_at TIMESTAMP)";

    /// <summary>The DMA dimensions the facts carry: each dimension's id and its column in enterprise_facts.</summary>
    public const string DimensionsTableSql = "CREATE TABLE dma_dimensions (dimension_id VARCHAR NOT NULL, column_name VARCHAR NOT NULL)";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The one definition of the enterprise_facts columns: the contract's fields in snake_case, in order.</summary>
    public static class FactsTable
    {
        public static string CreateSql(IReadOnlyList<string> dimensions)
        {
            var sql = new StringBuilder(
                """
                CREATE TABLE enterprise_facts (
                    enterprise_id VARCHAR NOT NULL, year INTEGER NOT NULL, district_id VARCHAR, nic_division VARCHAR,
                    sector_id VARCHAR, size_class VARCHAR, tier_id VARCHAR NOT NULL, hi_tech BOOLEAN NOT NULL,
                    framework_version VARCHAR NOT NULL, status VARCHAR NOT NULL,
                    value_added_inr DECIMAL(18,2), manufacturing_value_added_inr DECIMAL(18,2), mht_value_added_inr DECIMAL(18,2),
                    rd_spend_inr DECIMAL(18,2), exports_inr DECIMAL(18,2), turnover_inr DECIMAL(18,2),
                    employees INTEGER, rd_staff INTEGER, stem_staff INTEGER, returnee_hires INTEGER,
                    digital_maturity DOUBLE, certifications INTEGER NOT NULL
                """);
            foreach (var d in dimensions)
            {
                sql.Append(", ").Append(DimensionColumn(d)).Append(" DOUBLE");
            }

            return sql.Append(')').ToString();
        }

        /// <summary>dma_&lt;dimension id&gt;, with anything but letters, digits and '_' made '_' (ids are data, columns are SQL).</summary>
        public static string DimensionColumn(string dimension) =>
            "dma_" + new string([.. dimension.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_')]);

        public static void Append(IDuckDBAppenderRow row, EnterpriseFacts f, IReadOnlyList<string> dimensions)
        {
            row.AppendValue(f.EnterpriseId)
                .AppendValue(f.Year)
                .AppendValue(f.DistrictId)
                .AppendValue(f.NicDivision)
                .AppendValue(f.SectorId)
                .AppendValue(f.SizeClass)
                .AppendValue(f.TierId)
                .AppendValue(f.HiTech)
                .AppendValue(f.FrameworkVersion)
                .AppendValue(f.Status)
                .AppendValue(f.ValueAddedInr)
                .AppendValue(f.ManufacturingValueAddedInr)
                .AppendValue(f.MhtValueAddedInr)
                .AppendValue(f.RdSpendInr)
                .AppendValue(f.ExportsInr)
                .AppendValue(f.TurnoverInr)
                .AppendValue(f.Employees)
                .AppendValue(f.RdStaff)
                .AppendValue(f.StemStaff)
                .AppendValue(f.ReturneeHires)
                .AppendValue(f.DigitalMaturity)
                .AppendValue(f.Certifications);
            foreach (var d in dimensions)
            {
                row.AppendValue(f.DmaDimensions is { } dma && dma.TryGetValue(d, out var score) ? score : (double?)null);
            }

            row.EndRow();
        }
    }
}
