using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Tests.Analytics;

/// <summary>
/// The platform with an analytical snapshot made to tempt differencing through the dashboard's filters: in 2025 most
/// enterprises are in ESDM and small, and each district has a handful (0 to 4) outside ESDM, one of them dominating
/// its district's value added, and a few that are not small; 2024 holds 40 of them again (tier transitions); 2026,
/// the year just begun, has three approvals, too few to publish. The facts are kept for the attacker.
/// </summary>
public sealed class FilterAttackFixture : SnapshotFixture
{
    public const int Year = 2025;
    public const int NewYear = 2026;
    public const string Dimension = "strategy";

    private static readonly DateTimeOffset AsOf = new(2026, 4, 20, 6, 0, 0, TimeSpan.Zero);

    public override IReadOnlyList<EnterpriseFacts> Facts { get; } = BuildFacts();

    protected override DateTimeOffset SnapshotAsOf => AsOf;

    protected override IEnumerable<PipelineFact> Pipeline() =>
        Facts.Select(f => new PipelineFact(f.Year, f.DistrictId, "approved", AsOf.AddDays(-30), AsOf.AddDays(-20)));

    private static List<EnterpriseFacts> BuildFacts()
    {
        // District, enterprises, of which outside ESDM.
        (string District, int Count, int Outside)[] districts =
        [
            ("ernakulam", 30, 3), ("thiruvananthapuram", 20, 2), ("kozhikode", 12, 1), ("thrissur", 9, 4),
            ("palakkad", 7, 0), ("kollam", 6, 1), ("wayanad", 2, 1),
        ];
        string[] others = ["pharmaceuticals", "ayurveda", "maritime"];
        var facts = new List<EnterpriseFacts>();
        var i = 0;
        foreach (var (district, count, outside) in districts)
        {
            for (var k = 0; k < count; k++, i++)
            {
                var sector = k < outside ? others[k % others.Length] : "esdm";

                // Kozhikode's one enterprise outside ESDM makes nearly all of the district's value added.
                var valueAdded = district == "kozhikode" && k == 0 ? 200_000_000m : 1_000_000m + (i * 10_000m);
                var size = i % 9 == 4 ? SizeClasses.Medium : i % 23 == 7 ? SizeClasses.Large : SizeClasses.Small;
                var tier = i % 4 == 0 ? "hitech" : i % 2 == 0 ? "emerging" : "conventional";
                facts.Add(Fact($"E{i}", Year, district, sector, size, tier, valueAdded, i));
            }
        }

        facts.AddRange(facts.Take(40).ToList().Select((f, k) => f with { Year = Year - 1, TierId = k % 3 == 0 ? "conventional" : "emerging", HiTech = false }));
        facts.AddRange(facts.Take(3).ToList().Select(f => f with { Year = NewYear }));
        return facts;
    }

    private static EnterpriseFacts Fact(string id, int year, string district, string sector, string size, string tier, decimal valueAdded, int i) => new(
        id, year, district, "26", sector, size, tier, tier == "hitech", "2025.1", "approved",
        valueAdded, valueAdded * 0.8m, tier == "hitech" ? valueAdded * 0.5m : 0m, valueAdded * 0.02m, valueAdded * 0.3m, valueAdded * 3m,
        20 + (i % 30), 2, 5, i % 2, 30 + (i % 60), new Dictionary<string, double> { [Dimension] = (i * 37) % 100 }, 1);
}
