using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Tests.Analytics;

namespace HiTech.Web.Tests.OpenData;

/// <summary>
/// An analytical snapshot (<see cref="SnapshotFixture"/>) of a
/// year 2025 of 107 enterprises with small districts, a dominated district and small sectors and size classes, and a
/// year 2024 of six enterprises in three districts of two, too few for any district table to be safe. The raw facts
/// are kept, so tests can compute every true figure and attack what is published.
/// </summary>
public sealed class OpenDataFixture : SnapshotFixture
{
    public const int Year = 2025;
    public const int SmallYear = 2024;
    public const int MinFrequency = 5;
    public const decimal PPercent = 10m;

    public static readonly DateTimeOffset AsOf = new(2026, 4, 2, 6, 30, 0, TimeSpan.Zero);

    public override IReadOnlyList<EnterpriseFacts> Facts { get; } = BuildFacts();

    protected override DateTimeOffset SnapshotAsOf => AsOf;

    protected override IEnumerable<PipelineFact> Pipeline() => Pipeline(Facts);

    private static List<EnterpriseFacts> BuildFacts()
    {
        // District, enterprises, of which hi-tech.
        (string District, int Count, int HiTech)[] districts =
        [
            ("ernakulam", 40, 12), ("thiruvananthapuram", 25, 6), ("kozhikode", 15, 0), ("thrissur", 9, 2),
            ("palakkad", 8, 0), ("wayanad", 3, 0), ("idukki", 1, 1), ("kollam", 6, 0),
        ];
        string?[] sectors = ["esdm", "pharmaceuticals", "ayurveda", null, "medical-equipment", "maritime"];
        var facts = new List<EnterpriseFacts>();
        var i = 0;
        foreach (var (district, count, hiTech) in districts)
        {
            for (var k = 0; k < count; k++, i++)
            {
                var isHiTech = k < hiTech;

                // Palakkad's first enterprise makes nearly all of its district's value added (the p% rule).
                var valueAdded = district == "palakkad" && k == 0 ? 1_000_000_000m : 1_000_000m + (i * 10_000m);
                var sector = i is 17 or 58 ? "graphene" : sectors[i % sectors.Length];
                var size = i is 5 or 44 or 90 ? SizeClasses.Large : SizeClasses.All[i % 3];
                facts.Add(Fact($"E{i}", Year, district, sector, size, isHiTech ? "hitech" : i % 2 == 0 ? "emerging" : "conventional", isHiTech, valueAdded, i));
            }
        }

        // 2024: six of them, two per district, all emerging then: in 2025 three are hi-tech, one conventional, two still emerging.
        string[] smallYear = ["E0", "E1", "E13", "E20", "E41", "E70"];
        string[] smallDistricts = ["ernakulam", "ernakulam", "kozhikode", "kozhikode", "thrissur", "thrissur"];
        facts.AddRange(smallYear.Select((id, k) => Fact(id, SmallYear, smallDistricts[k], "esdm", SizeClasses.Small, "emerging", false, 2_000_000m, k)));
        return facts;
    }

    private static EnterpriseFacts Fact(string id, int year, string district, string? sector, string size, string tier, bool hiTech, decimal valueAdded, int i) => new(
        id, year, district, "26", sector, size, tier, hiTech, "2025.1", "approved",
        valueAdded, valueAdded * 0.8m, hiTech ? valueAdded * 0.5m : 0m, valueAdded * 0.02m, valueAdded * 0.3m, valueAdded * 3m,
        20 + (i % 30), 2, 5, i % 2, 30 + (i % 60), null, 1);

    private static IEnumerable<PipelineFact> Pipeline(IReadOnlyList<EnterpriseFacts> facts)
    {
        var submitted = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (f, i) in facts.Select((f, i) => (f, i)))
        {
            yield return new PipelineFact(f.Year, f.DistrictId, "approved", submitted, submitted.AddDays(10 + (i % 20)));
        }

        for (var i = 0; i < 3; i++)
        {
            yield return new PipelineFact(Year, "ernakulam", "returned", submitted, submitted.AddDays(5));
        }

        for (var i = 0; i < 12; i++)
        {
            yield return new PipelineFact(Year, "kozhikode", i < 7 ? "submitted" : "in_review", submitted, null);
        }
    }
}
