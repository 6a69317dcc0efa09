namespace HiTech.Core.Analytics;

/// <summary>One indicator's definition, as docs/indicators.md states it.</summary>
public sealed record IndicatorDefinition(string Id, string Name, string Formula, string Unit, string Source);

/// <summary>
/// The indicators of one group, computed from its <see cref="GroupTotals"/> (in memory or from SQL alike). A ratio
/// is null when its denominator is zero or nobody reported it. Ratios are sums over the group's enterprises divided
/// by sums: a figure an enterprise did not give adds nothing to its side of the ratio.
/// </summary>
public sealed record IndicatorValues(
    string Group,
    int Enterprises,
    int HiTechEnterprises,
    IReadOnlyDictionary<string, int> EnterprisesByTier,
    IReadOnlyDictionary<string, int> EnterprisesByStatus,
    decimal ValueAddedInr,
    decimal ManufacturingValueAddedInr,
    decimal MhtValueAddedInr,
    decimal? Sdg9b1SharePercent,
    decimal RdSpendInr,
    decimal? RdIntensityPercent,
    int RdStaff,
    decimal? RdStaffSharePercent,
    decimal? StemSharePercent,
    int ReturneeHires,
    decimal? ExportsSharePercent,
    double? DigitalMaturityMean,
    ScoreDistribution DigitalMaturity,
    IReadOnlyDictionary<string, double?> DmaDimensionMeans,
    int Certifications,
    decimal? CertificationsPerEnterprise)
{
    public static IndicatorValues Of(GroupTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        decimal Sum(string measure) => totals.Measure(measure).Sum;
        var valueAdded = Sum(Measures.ValueAdded);
        var manufacturing = Sum(Measures.ManufacturingValueAdded);
        var mht = Sum(Measures.MhtValueAdded);
        var rd = Sum(Measures.RdSpend);
        var employees = Sum(Measures.Employees);
        return new IndicatorValues(
            totals.Group,
            totals.Enterprises,
            totals.HiTechEnterprises,
            totals.EnterprisesByTier,
            totals.EnterprisesByStatus,
            valueAdded,
            manufacturing,
            mht,
            Percent(mht, manufacturing),
            rd,
            Percent(rd, valueAdded),
            (int)Sum(Measures.RdStaff),
            Percent(Sum(Measures.RdStaff), employees),
            Percent(Sum(Measures.StemStaff), employees),
            (int)Sum(Measures.ReturneeHires),
            Percent(Sum(Measures.Exports), Sum(Measures.Turnover)),
            totals.DigitalMaturity.Mean,
            totals.DigitalMaturity,
            totals.DmaDimensions.ToDictionary(d => d.Key, d => d.Value.Mean, StringComparer.Ordinal),
            totals.Certifications,
            totals.Enterprises == 0 ? null : (decimal)totals.Certifications / totals.Enterprises);
    }

    /// <summary>100 x part / whole, null when the whole is not positive.</summary>
    public static decimal? Percent(decimal part, decimal whole) => whole > 0 ? 100m * part / whole : null;

    /// <summary>Every indicator: docs/indicators.md carries the same table (a test keeps them together).</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new("enterprises", "Enterprises", "count of enterprises in the group", "enterprises", "platform: approved assessments or registry rows"),
        new("hi_tech_enterprises", "Hi-tech enterprises", "count of enterprises whose tier requires at least one gate (hitech-leader, hitech)", "enterprises", "framework tiers (data/frameworks)"),
        new("enterprises_by_tier", "Enterprises by tier", "count per tier id", "enterprises", "framework tiers"),
        new("enterprises_by_status", "Assessments by status", "count per assessment status (registry rows: registry)", "assessments", "platform"),
        new("value_added", "Gross value added", "sum of value_added", "INR", "ASI definition, as the framework input value_added"),
        new("manufacturing_value_added", "Manufacturing value added", "sum over enterprises of value_added x revenue share of activities in NIC divisions 10-33", "INR", "ISIC Rev.4 section C = NIC 2008 divisions 10-33"),
        new("mht_value_added", "Medium-high and high-tech value added", "as manufacturing_value_added, for activities whose OECD R&D-intensity group is high or medium-high (as hitech classify reports)", "INR", "Galindo-Rueda and Verger (OECD, 2016); data/classifications"),
        new("sdg_9b1_share", "SDG 9.b.1", "100 x mht_value_added / manufacturing_value_added", "%", "UN SDG metadata 9.b.1 (UNIDO)"),
        new("rd_spend", "R&D spending", "sum of rd_spend", "INR", "framework input rd_spend"),
        new("rd_intensity", "R&D intensity", "100 x rd_spend / value_added", "%", "OECD Frascati Manual (BERD over value added)"),
        new("rd_staff_share", "R&D staff share", "100 x sum of rd_staff / sum of employees", "%", "framework inputs rd_staff, employees"),
        new("stem_share", "STEM share of employment", "100 x sum of stem_staff / sum of employees", "%", "framework inputs stem_staff, employees"),
        new("returnee_hires", "Returnee hires", "sum of returnee_hires", "people", "framework input returnee_hires (last 3 years)"),
        new("exports_share", "Exports share", "100 x sum of export_revenue / sum of turnover", "%", "framework inputs export_revenue, turnover"),
        new("digital_maturity_mean", "Digital maturity", "mean of digital_maturity over enterprises that gave it; distribution in bands of 20 points", "score 0-100", "framework input digital_maturity (the DMA overall score)"),
        new("dma_dimension_mean", "Digital maturity by dimension", "mean score per DMA dimension over enterprises with a maturity assessment", "score 0-100", "EU/JRC Digital Maturity Assessment (data/maturity)"),
        new("dma_dimension_distribution", "Digital maturity by dimension, in bands", "count of enterprises per DMA dimension in each band of 20 points (0-20 ... 80-100), over enterprises with a maturity assessment", "enterprises", "EU/JRC Digital Maturity Assessment (data/maturity)"),
        new("certifications", "Certifications", "sum of certifications held; per enterprise = sum / enterprises", "certifications", "framework input certifications"),
        new("tier_transitions", "Tier transitions", "count of enterprises per (tier before, tier after), matched by enterprise id, between two years or two framework versions", "enterprises", "platform"),
    ];
}
