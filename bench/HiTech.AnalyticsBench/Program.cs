using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using HiTech.AnalyticsBench;
using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;
using Npgsql;

// HiTech.AnalyticsBench ROWS DIR [POSTGRES_CONNECTION]
// Writes ROWS synthetic enterprise_facts rows (a quarter of them per year, 2022-2025, so every enterprise has four
// years) and as many assessment_pipeline rows into DIR/bench.duckdb with the store's own schema, copies them into
// PostgreSQL when a connection is given, then times every dashboard query (DashboardSql) on each: 3 warm-up runs,
// then BENCH_RUNS (default 50) timed runs, reading the answers into Core's types as the page does; prints one Markdown row per query and engine with p50, p95 and max.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: HiTech.AnalyticsBench ROWS DIR [POSTGRES_CONNECTION]");
    return 2;
}

var rows = int.Parse(args[0], CultureInfo.InvariantCulture);
var dir = args[1];
var postgres = args.Length > 2 ? args[2] : null;
var runs = int.Parse(Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "50", CultureInfo.InvariantCulture);
Directory.CreateDirectory(dir);
var file = Path.Combine(dir, "bench.duckdb");
File.Delete(file);
File.Delete(file + ".wal");

var load = Stopwatch.StartNew();
using (var duck = new DuckDBConnection($"Data Source={file}"))
{
    duck.Open();
    Exec(duck, SnapshotWriter.FactsTable.CreateSql(Synthetic.Dimensions));
    Exec(duck, SnapshotWriter.PipelineTableSql);
    Exec(duck, SnapshotWriter.DimensionsTableSql);
    Exec(duck, DimensionRows());
    Exec(duck, "SELECT setseed(0.42)");
    Exec(duck, Synthetic.Facts(rows));
    Exec(duck, Synthetic.Pipeline(rows));
    Exec(duck, "CHECKPOINT");
    if (postgres is not null)
    {
        Exec(duck, $"COPY enterprise_facts TO '{Path.Combine(dir, "facts.csv")}' (HEADER)");
        Exec(duck, $"COPY assessment_pipeline TO '{Path.Combine(dir, "pipeline.csv")}' (HEADER)");
    }
}

Console.Error.WriteLine($"bench: {rows} rows written to DuckDB in {load.Elapsed.TotalSeconds:F1} s");
if (postgres is not null)
{
    load.Restart();
    using var pg = new NpgsqlConnection(postgres);
    pg.Open();
    Exec(pg, "DROP TABLE IF EXISTS enterprise_facts; DROP TABLE IF EXISTS assessment_pipeline; DROP TABLE IF EXISTS dma_dimensions");
    Exec(pg, SnapshotWriter.FactsTable.CreateSql(Synthetic.Dimensions).Replace("DOUBLE", "DOUBLE PRECISION", StringComparison.Ordinal));
    Exec(pg, SnapshotWriter.PipelineTableSql);
    Exec(pg, SnapshotWriter.DimensionsTableSql);
    Exec(pg, DimensionRows());
    Copy(pg, "enterprise_facts", Path.Combine(dir, "facts.csv"));
    Copy(pg, "assessment_pipeline", Path.Combine(dir, "pipeline.csv"));

    // The indexes a PostgreSQL deployment would add for these queries: by year, and by enterprise for the transitions.
    Exec(pg, "CREATE INDEX ON enterprise_facts (year); CREATE INDEX ON enterprise_facts (enterprise_id, year); CREATE INDEX ON assessment_pipeline (year); ANALYZE");
    Console.Error.WriteLine($"bench: copied into PostgreSQL in {load.Elapsed.TotalSeconds:F1} s");
}

var queries = new List<(string Name, Func<DbConnection, SqlDialect, Task<int>> Run)>
{
    ("years", async (c, _) => (await StoreQueries.YearsAsync(c, default)).Count),
    ("headline (state, this year and last)", async (c, d) => (await StoreQueries.TotalsAsync(c, d, GroupDimension.Year, 2025, null, null, default)).Groups.Count),
    ("map (by district)", async (c, d) => (await StoreQueries.TotalsAsync(c, d, GroupDimension.District, 2025, null, null, default)).Groups.Count),
    ("by sector", async (c, d) => (await StoreQueries.TotalsAsync(c, d, GroupDimension.Sector, 2025, null, null, default)).Groups.Count),
    ("by size", async (c, d) => (await StoreQueries.TotalsAsync(c, d, GroupDimension.Size, 2025, null, null, default)).Groups.Count),
    ("map, one sector and size", async (c, d) => (await StoreQueries.TotalsAsync(c, d, GroupDimension.District, 2025, "esdm", "small", default)).Groups.Count),
    ("tier transitions", async (c, _) => (await StoreQueries.TransitionsAsync(c, 2025, null, null, default)).Count),
    ("pipeline", async (c, d) => (await StoreQueries.PipelineAsync(c, d, 2025, default)).Count),
    ("digital maturity by dimension", async (c, _) => (await StoreQueries.DimensionsAsync(c, 2025, null, null, default)).Count),
    ("digital maturity by dimension, one sector and size", async (c, _) => (await StoreQueries.DimensionsAsync(c, 2025, "esdm", "small", default)).Count),

    // What disclosure control of the filtered views reads, once per snapshot and year (FilterCube; kept in the cache).
    ("cube: districts by sectors by sizes", async (c, d) => (await StoreQueries.CubeTotalsAsync(c, d, GroupDimension.District, 2025, default)).Count),
    ("cube: tier transitions by sectors by sizes", async (c, _) => (await StoreQueries.CubeTransitionsAsync(c, 2025, default)).Count),
    ("cube: DMA bands by sectors by sizes", async (c, _) => (await StoreQueries.CubeDimensionsAsync(c, 2025, default)).Count),
};

Console.WriteLine("| query | engine | groups out | p50 ms | p95 ms | max ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
using (var duck = new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY"))
{
    duck.Open();
    NpgsqlConnection? pg = null;
    if (postgres is not null)
    {
        pg = new NpgsqlConnection(postgres);
        pg.Open();
    }

    foreach (var (name, run) in queries)
    {
        Report(name, "DuckDB", await Time(() => run(duck, SqlDialect.DuckDb)));
        if (pg is not null)
        {
            Report(name, "PostgreSQL 15", await Time(() => run(pg, SqlDialect.Postgres)));
        }
    }

    pg?.Dispose();
}

return 0;

async Task<(int RowsOut, List<double> Ms)> Time(Func<Task<int>> run)
{
    var rowsOut = 0;
    for (var i = 0; i < 3; i++)
    {
        rowsOut = await run();
    }

    var ms = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        ms.Add(watch.Elapsed.TotalMilliseconds);
    }

    ms.Sort();
    return (rowsOut, ms);
}

static void Report(string name, string engine, (int RowsOut, List<double> Ms) result)
{
    var ms = result.Ms;
    double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {engine} | {result.RowsOut} | {P(0.5):F1} | {P(0.95):F1} | {ms[^1]:F1} |"));
}

static string DimensionRows() =>
    "INSERT INTO dma_dimensions VALUES " + string.Join(", ", Synthetic.Dimensions.Select(d => $"('{d}', '{SnapshotWriter.FactsTable.DimensionColumn(d)}')"));

static void Exec(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    command.ExecuteNonQuery();
}

static void Copy(NpgsqlConnection connection, string table, string csv)
{
    using var writer = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER)");
    using var reader = new StreamReader(csv);
    var buffer = new char[1 << 16];
    int n;
    while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
    {
        writer.Write(buffer, 0, n);
    }
}
