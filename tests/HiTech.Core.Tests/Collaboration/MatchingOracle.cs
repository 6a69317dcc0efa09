using HiTech.Core.Collaboration;
using HiTech.Core.Tests.Reference;

namespace HiTech.Core.Tests.Collaboration;

/// <summary>
/// A brute-force scorer written from docs/collaboration-formats.md alone, without the engine's indexes: every provider
/// is checked and scored by the documented rules, then sorted. The engine must agree with it exactly.
/// </summary>
public static class MatchingOracle
{
    private static readonly Lazy<HashSet<(string, string)>> Neighbours = new(() =>
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in File.ReadAllLines(Path.Combine(TestReference.DataDirectory, "reference", "district-neighbours.csv")).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length == 2)
            {
                pairs.Add((parts[0], parts[1]));
                pairs.Add((parts[1], parts[0]));
            }
        }

        return pairs;
    });

    public static List<(string Id, double Score)> Top(IReadOnlyList<ProviderProfile> providers, Need need, MatchingWeights weights, int top) =>
        [.. providers.Where(p => Passes(p, need))
            .Select(p => (p.Id, Score: Score(p, need, providers, weights)))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(top)];

    public static bool Passes(ProviderProfile p, Need need) =>
        p.Verified
        && p.ExpiresOn >= need.AsOf
        && (need.Kinds.IsEmpty || need.Kinds.Contains(p.Kind))
        && need.Certifications.All(c => p.Certifications.Contains(c));

    public static double Score(ProviderProfile p, Need need, IReadOnlyList<ProviderProfile> all, MatchingWeights w)
    {
        var shared = 0;
        foreach (var code in p.NicCodes)
        {
            var n = 0;
            while (n < code.Length && n < need.NicCode.Length && code[n] == need.NicCode[n])
            {
                n++;
            }

            shared = Math.Max(shared, n);
        }

        double nic = shared >= 5 ? w.NicSubclass : shared == 4 ? w.NicClass : shared == 3 ? w.NicGroup : shared == 2 ? w.NicDivision : 0;
        double stage = need.Stage is not null && p.Stages.Contains(need.Stage) ? w.Stage : 0;
        double district = 0;
        if (need.DistrictId is not null)
        {
            district = p.DistrictId is null ? w.OutsideKerala
                : p.DistrictId == need.DistrictId ? w.SameDistrict
                : Neighbours.Value.Contains((p.DistrictId, need.DistrictId)) ? w.NeighbouringDistrict
                : w.ElsewhereInKerala;
            if (p.Remote)
            {
                district = Math.Max(district, w.Remote);
            }
        }

        double total = 0;
        double found = 0;
        var mine = TextTokens.Of(p.Name + " " + p.Services);
        foreach (var word in TextTokens.Of(need.Text))
        {
            bool Has(ProviderProfile q) => TextTokens.Of(q.Name + " " + q.Services).Any(t => word.Length >= 4 ? t.StartsWith(word, StringComparison.Ordinal) : t == word);
            var rarity = Math.Log(1 + ((double)all.Count / (1 + all.Count(Has))));
            total += rarity;
            if (mine.Any(t => word.Length >= 4 ? t.StartsWith(word, StringComparison.Ordinal) : t == word))
            {
                found += rarity;
            }
        }

        var text = total > 0 && found > 0 ? w.Text * (found / total) : 0;
        var responsiveness = Ramp(w.Responsiveness, p.MedianResponseDays);
        var freshness = Ramp(w.Freshness, p.VerifiedOn is { } v ? Math.Max(0, need.AsOf.DayNumber - v.DayNumber) : null);
        var score = nic;
        score += stage;
        score += district;
        score += text;
        score += responsiveness;
        score += freshness;
        return score;
    }

    private static double Ramp(DayRamp ramp, double? days)
    {
        if (days is null)
        {
            return ramp.Points * ramp.Unknown;
        }

        if (days <= ramp.FullDays)
        {
            return ramp.Points;
        }

        return days >= ramp.ZeroDays ? 0 : ramp.Points * ((ramp.ZeroDays - days.Value) / (ramp.ZeroDays - ramp.FullDays));
    }
}
