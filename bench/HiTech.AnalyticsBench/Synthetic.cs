using System.Globalization;

namespace HiTech.AnalyticsBench;

/// <summary>
/// Synthetic rows made inside DuckDB (range and random, seeded): a quarter of the rows per year 2022-2025, the same
/// enterprise in each year with its district, division, sector and size fixed by a hash of its number, tiers and
/// figures varying by year, and a skew so that a few enterprises dominate value added (as in a real economy).
/// </summary>
public static class Synthetic
{
    private const string Districts =
        "['thiruvananthapuram','kollam','pathanamthitta','alappuzha','kottayam','idukki','ernakulam','thrissur','palakkad','malappuram','kozhikode','wayanad','kannur','kasaragod']";

    private const string Sectors = "['esdm','pharmaceuticals','food-technologies','engineering-rnd','medical-equipment','maritime','renewable-energy','ayurveda']";

    /// <summary>The six DMA dimensions of data/maturity/dma-kerala/2025.1.yaml, as the snapshot's dma_ columns.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
        ["automation_ai", "data_management", "digital_business_strategy", "digital_readiness", "green_digitalisation", "human_centric_digitalisation"];

    /// <summary>The rows; three in five enterprise-years carry a maturity assessment (a score per dimension, 0-100).</summary>
    public static string Facts(int rows)
    {
        var dimensions = string.Concat(Dimensions.Select((_, k) => string.Create(
            CultureInfo.InvariantCulture,
            $", CASE WHEN hash(e * 17 + y) % 5 < 3 THEN CAST(least(100, floor(r2 * 60 + (hash(e * {k + 19}) % 40))) AS DOUBLE) END")));
        var perYear = Math.Max(1, rows / 4).ToString(CultureInfo.InvariantCulture);
        return $"""
            INSERT INTO enterprise_facts
            SELECT 'E' || e, y, ({Districts})[1 + (hash(e) % 14)::INTEGER], lpad(CAST(10 + hash(e * 7) % 24 AS VARCHAR), 2, '0'),
                   CASE WHEN hash(e * 3) % 3 = 0 THEN NULL ELSE ({Sectors})[1 + (hash(e * 5) % 8)::INTEGER] END,
                   (['micro','micro','micro','small','small','medium','large'])[1 + (hash(e * 11) % 7)::INTEGER],
                   t, t IN ('hitech-leader', 'hitech'), '2025.1', 'approved',
                   va, mva, mva * r3, va * r4 * 0.08, va * r5 * 0.4, va * 3.2,
                   emp, CAST(emp * r4 * 0.1 AS INTEGER), CAST(emp * r5 * 0.3 AS INTEGER), CAST(r3 * 3 AS INTEGER),
                   r2 * 100, CAST(r1 * 4 AS INTEGER){dimensions}
            FROM (
                SELECT e, y, r1, r2, r3, r4, r5,
                       (['conventional','conventional','emerging','emerging','hitech','hitech-leader'])[1 + ((hash(e) + y + CAST(r1 * 2 AS INTEGER)) % 6)::INTEGER] AS t,
                       CAST(round(100000 * exp(r2 * 9), 2) AS DECIMAL(18,2)) AS va,
                       CAST(round(100000 * exp(r2 * 9) * r5, 2) AS DECIMAL(18,2)) AS mva,
                       CAST(5 + exp(r3 * 6) AS INTEGER) AS emp
                FROM (SELECT i % {perYear} AS e, 2022 + CAST(i // {perYear} AS INTEGER) AS y,
                             random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
                      FROM range({rows.ToString(CultureInfo.InvariantCulture)}) r(i))
            )
            """;
    }

    public static string Pipeline(int rows) =>
        $"""
        INSERT INTO assessment_pipeline
        SELECT 2022 + CAST(i // {Math.Max(1, rows / 4).ToString(CultureInfo.InvariantCulture)} AS INTEGER), ({Districts})[1 + (hash(i) % 14)::INTEGER],
               s, sub_at, CASE WHEN s IN ('approved', 'returned') THEN sub_at + to_seconds(CAST(random() * 40 * 86400 AS BIGINT)) END
        FROM (SELECT i, (['submitted','in_review','returned','approved','approved','approved'])[1 + (hash(i * 13) % 6)::INTEGER] AS s,
                     TIMESTAMP '2025-04-01' + to_seconds(CAST(random() * 300 * 86400 AS BIGINT)) AS sub_at
              FROM range({rows.ToString(CultureInfo.InvariantCulture)}) r(i))
        """;
}
