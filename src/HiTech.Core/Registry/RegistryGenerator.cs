using System.Collections.Immutable;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// A deterministic synthetic registry shaped like Kerala's industry: the district and sector mix, mostly micro
/// units, and plausible links between size, sector, R&amp;D and value added. Each row depends only on the seed
/// and its index, so any row can be regenerated alone and output is identical on every machine.
/// </summary>
public sealed class RegistryGenerator
{
    // Share of units by district, roughly following where Kerala's MSMEs are registered (Ernakulam first).
    private static readonly (string District, double Weight, string Code)[] Districts =
    [
        ("Ernakulam", 14, "EKM"), ("Thrissur", 11, "TSR"), ("Malappuram", 10, "MLP"), ("Kozhikode", 9, "KKD"),
        ("Thiruvananthapuram", 9, "TVM"), ("Palakkad", 8, "PKD"), ("Kollam", 7, "KLM"), ("Kannur", 7, "KNR"),
        ("Kottayam", 6, "KTM"), ("Alappuzha", 6, "ALP"), ("Kasaragod", 4, "KSD"), ("Pathanamthitta", 3, "PTA"),
        ("Idukki", 3, "IDK"), ("Wayanad", 3, "WYD"),
    ];

    private static readonly string[] Places = ["Malabar", "Periyar", "Kerala", "Sahya", "Nila", "Vembanad", "Anjengo", "Kairali", "Chaliyar", "Pampa", "Muziris", "Kuttanad"];

    private readonly ImmutableArray<(SectorProfile Profile, ImmutableArray<ImmutableArray<ActivityFacts>> Codes)> _sectors;
    private readonly double[] _sectorWeights;
    private readonly double[] _districtWeights;

    public RegistryGenerator(ActivityClassifier classifier)
    {
        // Each profile's classes are expanded to their sub-classes in the shipped NIC list, so every code generated exists.
        var sectors = ImmutableArray.CreateBuilder<(SectorProfile, ImmutableArray<ImmutableArray<ActivityFacts>>)>();
        foreach (var profile in SectorProfile.Kerala)
        {
            var classes = ImmutableArray.CreateBuilder<ImmutableArray<ActivityFacts>>();
            foreach (var code in profile.Classes)
            {
                var entry = classifier.Reference.Nic.Find(code) ?? throw new InvalidOperationException($"The generator's NIC class {code} is not in the NIC list.");
                var subclasses = classifier.Reference.Nic.Children(entry)
                    .Select(c => classifier.TryGetFacts(c.Code, out var f) ? f : (ActivityFacts?)null)
                    .OfType<ActivityFacts>()
                    .ToImmutableArray();
                if (subclasses.IsEmpty && classifier.TryGetFacts(code, out var own))
                {
                    subclasses = [own];
                }

                classes.Add(subclasses);
            }

            sectors.Add((profile, classes.ToImmutable()));
        }

        _sectors = sectors.ToImmutable();
        _sectorWeights = [.. SectorProfile.Kerala.Select(s => s.Weight)];
        _districtWeights = [.. Districts.Select(d => d.Weight)];
    }

    /// <summary>The enterprise at <paramref name="index"/> (0-based) of the registry generated from <paramref name="seed"/>.</summary>
    public GeneratedEnterprise Generate(long index, ulong seed)
    {
        var rng = new SplitMix64(seed ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        rng.Next();
        var district = Districts[rng.Pick(_districtWeights, 100)];
        var (profile, classes) = _sectors[rng.Pick(_sectorWeights, _sectorWeights.Sum())];

        // Size: about 92% micro, 7% small, 1% medium, as among registered MSMEs.
        var sizeRoll = rng.NextDouble();
        var size = sizeRoll < 0.92 ? 0 : sizeRoll < 0.99 ? 1 : 2;
        var employees = size switch
        {
            0 => (int)Math.Clamp(Math.Round(rng.LogNormal(6, 0.6)), 1, 40),
            1 => (int)Math.Clamp(Math.Round(rng.LogNormal(35, 0.5)), 10, 200),
            _ => (int)Math.Clamp(Math.Round(rng.LogNormal(160, 0.5)), 50, 1200),
        };

        var activities = Activities(ref rng, classes, size);
        var primary = activities[0].Facts;
        var tech = (int)primary.Oecd;

        // Value added per person rises with size and technology; turnover follows from the sector's value-added ratio.
        var vaPerPerson = rng.LogNormal(profile.VaPerPerson * (0.75 + (0.25 * size)) * (0.85 + (0.08 * tech)), 0.45);
        var valueAdded = Rupees(vaPerPerson * employees);
        var turnover = Math.Max(valueAdded, Rupees((double)valueAdded / Math.Clamp(rng.LogNormal(profile.VaRatio, 0.2), 0.08, 0.9)));
        var investment = Rupees((double)turnover * rng.Uniform(0.1, 0.6));

        // R&D is likelier in R&D-intensive industries and in larger units.
        var rdChance = Math.Min(0.95, new[] { 0.04, 0.08, 0.2, 0.4, 0.6 }[tech] * (1 + size));
        var doesRd = rng.Chance(rdChance);
        var reported = rng.Chance(0.85);
        decimal? rdSpend = doesRd ? Rupees((double)valueAdded * rng.LogNormal(0.015 + (0.01 * tech), 0.6)) : reported ? 0 : null;
        int? rdStaff = doesRd ? Math.Min(employees, Math.Max(1, (int)Math.Round(employees * rng.Uniform(0.02, 0.2)))) : reported ? 0 : null;
        int? patents = doesRd ? (int)Math.Floor(rng.LogNormal(0.6 + size, 0.9)) : reported ? 0 : null;
        int? designs = doesRd || profile.Label.Contains("furniture", StringComparison.Ordinal) ? (int)Math.Floor(rng.LogNormal(0.5, 1.0)) : reported ? 0 : null;
        bool? dsir = doesRd && size > 0 ? rng.Chance(0.15 * size) : reported ? false : null;

        var stemBase = profile.Label.StartsWith("software", StringComparison.Ordinal) ? 0.6 : 0.04 + (0.06 * tech);
        int? stemStaff = rng.Chance(0.9) ? Math.Min(employees, (int)Math.Round(employees * Math.Clamp(rng.LogNormal(stemBase, 0.5), 0, 1))) : null;
        int? returnees = rng.Chance(0.8) ? Math.Min(employees, (int)Math.Floor(rng.LogNormal(0.15 + (0.3 * size) + (0.1 * tech), 1.0))) : null;
        decimal? digital = rng.Chance(0.7)
            ? Math.Round((decimal)Math.Clamp(rng.Normal() * 14 + 22 + (14 * size) + (4 * tech), 0, 100), 1)
            : null;
        var exports = rng.Chance(profile.ExportChance * (1 + size));
        decimal? exportRevenue = exports ? Rupees((double)turnover * rng.Uniform(0.05, 0.85)) : rng.Chance(0.9) ? 0 : null;

        var highValueStages = activities.Where(a => a.Stages.Any(IsHighValueStage)).Sum(a => a.Share);
        decimal? hvShare = highValueStages > 0 ? Math.Round((decimal)Math.Clamp(highValueStages * rng.Uniform(0.4, 1.0), 0, 1), 2) : rng.Chance(0.8) ? 0 : null;

        var certifications = Certifications(ref rng, profile, size);
        return new GeneratedEnterprise(
            $"KL-{district.Code}-{index + 1:D8}",
            $"{Places[rng.NextInt(Places.Length)]} {profile.NameWords[rng.NextInt(profile.NameWords.Length)]}",
            district.District,
            [.. activities.Select(a => new ActivityInput(a.Facts.Entry.Code, activities.Length == 1 ? null : (decimal)a.Share, a.Stages))],
            investment,
            turnover,
            valueAdded,
            employees,
            rdSpend,
            rdStaff,
            patents,
            designs,
            dsir,
            hvShare,
            stemStaff,
            returnees,
            digital,
            exportRevenue,
            certifications);
    }

    private static bool IsHighValueStage(string stage) => stage is "rnd" or "design-engineering" or "prototyping" or "testing-certification" or "advanced-manufacturing" or "after-sales-digital";

    private ImmutableArray<(ActivityFacts Facts, double Share, ImmutableArray<string> Stages)> Activities(ref SplitMix64 rng, ImmutableArray<ImmutableArray<ActivityFacts>> classes, int size)
    {
        var count = rng.NextDouble() switch { < 0.8 => 1, < 0.97 => 2, _ => 3 };
        var chosen = new List<ActivityFacts>();
        for (var attempt = 0; attempt < 10 && chosen.Count < count; attempt++)
        {
            // Further activities usually stay in the same family.
            var family = attempt == 0 || rng.Chance(0.7) ? classes : _sectors[rng.Pick(_sectorWeights, _sectorWeights.Sum())].Codes;
            var codes = family[rng.NextInt(family.Length)];
            if (codes.IsEmpty)
            {
                continue;
            }

            var facts = codes[rng.NextInt(codes.Length)];
            if (!chosen.Exists(c => c.Entry.Code == facts.Entry.Code))
            {
                chosen.Add(facts);
            }
        }

        // Shares in whole percent that add up to exactly 1, largest first.
        var shares = new int[chosen.Count];
        var left = 100;
        for (var i = 0; i < chosen.Count - 1; i++)
        {
            shares[i] = Math.Max(5, (int)Math.Round(left * rng.Uniform(0.5, 0.85)));
            left -= shares[i];
        }

        shares[^1] = left;
        var result = ImmutableArray.CreateBuilder<(ActivityFacts, double, ImmutableArray<string>)>();
        for (var i = 0; i < chosen.Count; i++)
        {
            result.Add((chosen[i], shares[i] / 100.0, Stages(ref rng, chosen[i], size)));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> Stages(ref SplitMix64 rng, ActivityFacts facts, int size)
    {
        var tech = (int)facts.Oecd;
        var stages = ImmutableArray.CreateBuilder<string>();
        if (facts.Division is 71 or 72 or 62)
        {
            stages.Add(facts.Division == 71 && facts.Entry.Code.StartsWith("712", StringComparison.Ordinal) ? "testing-certification" : facts.Division == 62 ? "after-sales-digital" : facts.Division == 72 ? "rnd" : "design-engineering");
            return stages.ToImmutable();
        }

        stages.Add(rng.Chance(0.1 + (0.08 * tech) + (0.1 * size)) ? "advanced-manufacturing" : "conventional-manufacturing");
        if (rng.Chance(0.03 + (0.06 * tech) + (0.08 * size)))
        {
            stages.Add("rnd");
        }

        if (rng.Chance(0.04 + (0.05 * tech) + (0.05 * size)))
        {
            stages.Add("design-engineering");
        }

        if (rng.Chance(0.02 + (0.03 * tech)))
        {
            stages.Add("prototyping");
        }

        if (rng.Chance(0.05 + (0.05 * size)))
        {
            stages.Add("after-sales-digital");
        }

        if (rng.Chance(0.1))
        {
            stages.Add("assembly-packaging");
        }

        return stages.ToImmutable();
    }

    private static ImmutableArray<string>? Certifications(ref SplitMix64 rng, SectorProfile profile, int size)
    {
        if (rng.Chance(0.15))
        {
            return null;
        }

        var list = ImmutableArray.CreateBuilder<string>();
        if (rng.Chance(new[] { 0.06, 0.45, 0.85 }[size]))
        {
            list.Add("iso9001");
        }

        if (profile.SectorCertification is { } sector && sector != "iso9001" && rng.Chance(new[] { 0.1, 0.4, 0.7 }[size]))
        {
            list.Add(sector);
        }

        if (rng.Chance(new[] { 0.02, 0.15, 0.4 }[size]))
        {
            list.Add("iso14001");
        }

        var zed = rng.NextDouble();
        if (zed < 0.04)
        {
            list.Add(zed < 0.005 ? "zed-gold" : zed < 0.015 ? "zed-silver" : "zed-bronze");
        }

        return list.ToImmutable();
    }

    private static decimal Rupees(double amount) => Math.Round((decimal)Math.Max(0, amount), 0);
}
