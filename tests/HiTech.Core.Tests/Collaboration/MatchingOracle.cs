using HiTech.Core.Collaboration;

namespace HiTech.Core.Tests.Collaboration;

/// <summary>
/// A brute-force scorer written from docs/collaboration-formats.md alone, without the engine's indexes: every provider
/// is checked and scored by the documented rules, then sorted. The engine must agree with it exactly. Also linked into
/// bench/HiTech.Bench, which checks a sample of the benchmark's matches against it.
/// </summary>
public sealed class MatchingOracle
{
    private readonly HashSet<(string, string)> _neighbours = [];
    private readonly IReadOnlyList<ProviderProfile> _providers;
    private readonly List<string>[] _words;
    private readonly MatchingWeights _weights;

    /// <summary>Reads the neighbour pairs straight from the CSV file (district,neighbour).</summary>
    public MatchingOracle(IReadOnlyList<ProviderProfile> providers, MatchingWeights weights, string neighboursCsv)
    {
        foreach (var line in File.ReadAllLines(neighboursCsv).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length == 2)
            {
                _neighbours.Add((parts[0], parts[1]));
                _neighbours.Add((parts[1], parts[0]));
            }
        }

        _providers = providers;
        _weights = weights;
        _words = [.. providers.Select(p => TextTokens.Of(p.Name + " " + p.Services).ToList())];
    }

    public static bool Passes(ProviderProfile p, Need need) =>
        p.Verified
        && p.ExpiresOn >= need.AsOf
        && (need.Kinds.IsEmpty || need.Kinds.Contains(p.Kind))
        && need.Certifications.All(c => p.Certifications.Contains(c));

    public List<(string Id, double Score)> Top(Need need, int top)
    {
        var needWords = TextTokens.Of(need.Text);
        var rarity = needWords.Select(word => Math.Log(1 + ((double)_providers.Count / (1 + _words.Count(ws => ws.Any(t => Finds(word, t))))))).ToArray();
        var scored = new List<(string Id, double Score)>();
        for (var i = 0; i < _providers.Count; i++)
        {
            if (Passes(_providers[i], need))
            {
                scored.Add((_providers[i].Id, Score(_providers[i], _words[i], need, needWords, rarity)));
            }
        }

        return [.. scored.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).Take(top)];
    }

    private static bool Finds(string needWord, string providerWord) =>
        needWord.Length >= 4 ? providerWord.StartsWith(needWord, StringComparison.Ordinal) : providerWord == needWord;

    private double Score(ProviderProfile p, List<string> words, Need need, IReadOnlyList<string> needWords, double[] rarity)
    {
        var w = _weights;
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
                : _neighbours.Contains((p.DistrictId, need.DistrictId)) ? w.NeighbouringDistrict
                : w.ElsewhereInKerala;
            if (p.Remote)
            {
                district = Math.Max(district, w.Remote);
            }
        }

        double total = 0;
        double found = 0;
        for (var i = 0; i < needWords.Count; i++)
        {
            total += rarity[i];
            if (words.Any(t => Finds(needWords[i], t)))
            {
                found += rarity[i];
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
