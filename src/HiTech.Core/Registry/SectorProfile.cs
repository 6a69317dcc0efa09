using System.Collections.Immutable;

namespace HiTech.Core.Registry;

/// <summary>
/// A family of activities in the synthetic registry, with the shape of its economics: how common it is
/// among Kerala's units, value added per person, value added over turnover, how often it exports, and the
/// certification typical of it.
/// </summary>
internal sealed record SectorProfile(
    string Label,
    ImmutableArray<string> Classes,
    double Weight,
    double VaPerPerson,
    double VaRatio,
    double ExportChance,
    string? SectorCertification,
    ImmutableArray<string> NameWords)
{
    /// <summary>
    /// Weights approximate the mix of Kerala's registered MSMEs (food and agro-processing, coir and textiles,
    /// wood, rubber, ayurveda first; a thin high-tech layer in Ernakulam and Thiruvananthapuram). They are a
    /// plausible shape for demos and benchmarks, not statistics.
    /// </summary>
    public static readonly ImmutableArray<SectorProfile> Kerala =
    [
        new("seafood", ["1020"], 5, 450_000, 0.18, 0.45, null, ["Seafoods", "Marine Exports", "Fisheries"]),
        new("food", ["1030", "1040", "1050", "1061", "1071", "1079"], 17, 380_000, 0.20, 0.10, null, ["Foods", "Agro Products", "Spices", "Bakers"]),
        new("coir and textiles", ["1394", "1399", "1312", "1410"], 11, 250_000, 0.28, 0.20, null, ["Coir Works", "Textiles", "Garments", "Weaves"]),
        new("wood and furniture", ["1621", "1622", "3100"], 8, 280_000, 0.25, 0.05, null, ["Wood Industries", "Plywood", "Furniture"]),
        new("rubber and plastics", ["2211", "2219", "2220"], 10, 520_000, 0.24, 0.15, "iso9001", ["Rubber Products", "Polymers", "Latex"]),
        new("ayurveda and pharma", ["2100"], 5, 1_100_000, 0.35, 0.12, "iso9001", ["Ayurveda", "Pharmaceuticals", "Herbals"]),
        new("chemicals", ["2023", "2029"], 3, 900_000, 0.30, 0.08, null, ["Chemicals", "Cosmetics"]),
        new("building materials", ["2392", "2395", "2396"], 7, 500_000, 0.30, 0.03, null, ["Tiles", "Concrete Products", "Granites"]),
        new("printing", ["1811"], 3, 420_000, 0.35, 0.01, null, ["Printers", "Press"]),
        new("fabricated metal", ["2511", "2592", "2599"], 8, 480_000, 0.27, 0.05, null, ["Engineering Works", "Fabricators", "Steel Industries"]),
        new("machinery and electrical", ["2710", "2732", "2740", "2819", "2825", "2829"], 6, 850_000, 0.30, 0.12, "iso9001", ["Machines", "Electricals", "Equipments"]),
        new("electronics", ["2610", "2620", "2630", "2651"], 3, 1_000_000, 0.30, 0.25, "iso9001", ["Electronics", "Systems", "Technologies"]),
        new("transport equipment", ["2930", "3011", "3012", "3030"], 2, 900_000, 0.28, 0.20, "iatf16949", ["Auto Components", "Boat Builders", "Marine Engineering"]),
        new("medical devices", ["3250"], 1, 950_000, 0.35, 0.30, "iso13485", ["Medical Devices", "Healthcare Technologies"]),
        new("repair and installation", ["3312", "3314", "3315"], 4, 600_000, 0.40, 0.02, null, ["Services", "Repairs", "Ship Repair"]),
        new("software and engineering services", ["6201", "7110", "7120", "7210"], 6, 1_000_000, 0.55, 0.40, "nabl", ["Infotech", "Engineering Services", "Labs", "Research"]),
        new("other manufacturing", ["3211", "3240", "3290"], 1, 400_000, 0.25, 0.10, null, ["Crafts", "Toys", "Jewellers"]),
    ];
}
