using System.Collections.Immutable;
using System.Globalization;

namespace HiTech.Core.Collaboration;

/// <summary>
/// Finds the best providers for a need (docs/collaboration-formats.md, "How a match is scored"). Hard filters first:
/// kind, every required certification, verified, not expired on the need's date. Then points, added in this order:
/// NIC proximity, stage, district, text relevance, responsiveness, freshness. Ties go to the smaller provider id
/// (ordinal), so results never depend on input order or threads.
/// <para>
/// Built once over the providers, with indexes so a need touches few of them: providers by kind and by certification
/// (the scan starts from the shortest list that every match must be in), NIC postings by every 2-5 digit prefix, and
/// an inverted index of words. Per-need work lives in per-thread scratch arrays, so <see cref="Match"/> may run on
/// many threads at once.
/// </para>
/// </summary>
public sealed class MatchingEngine : IDisposable
{
    private const int UnknownDay = int.MinValue;

    private readonly CollaborationData _data;
    private readonly ProviderProfile[] _providers;
    private readonly int[] _kind;
    private readonly ulong[] _certs;
    private readonly ulong[] _stages;
    private readonly double[] _districtPoints;
    private readonly int[] _districtSlot;
    private readonly bool[] _eligible;
    private readonly int[] _expires;
    private readonly int[] _verifiedDay;
    private readonly double[] _responsiveness;
    private readonly ImmutableArray<string>[] _words;
    private readonly int[][] _byKind;
    private readonly int[][] _byCertification;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _nicPostings;
    private readonly string[] _vocabulary;
    private readonly int[][] _wordPostings;
    private readonly int _districtCount;
    private readonly ThreadLocal<Scratch> _scratch;

    public MatchingEngine(IEnumerable<ProviderProfile> providers, CollaborationData data, MatchingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _data = data ?? throw new ArgumentNullException(nameof(data));
        Weights = weights ?? throw new ArgumentNullException(nameof(weights));
        _providers = [.. providers.OrderBy(p => p.Id, StringComparer.Ordinal)];
        var n = _providers.Length;
        _kind = new int[n];
        _certs = new ulong[n];
        _stages = new ulong[n];
        _districtSlot = new int[n];
        _eligible = new bool[n];
        _expires = new int[n];
        _verifiedDay = new int[n];
        _responsiveness = new double[n];
        _words = new ImmutableArray<string>[n];
        _districtCount = data.Districts.All.Count;
        var byKind = Enumerable.Range(0, data.Kinds.Terms.Length).Select(_ => new List<int>()).ToArray();
        var byCertification = Enumerable.Range(0, data.Certifications.Terms.Length).Select(_ => new List<int>()).ToArray();
        var nic = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < n; p++)
        {
            var provider = _providers[p];
            if (p > 0 && string.Equals(provider.Id, _providers[p - 1].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The provider id '{provider.Id}' is given twice.", nameof(providers));
            }

            _kind[p] = Index(data.Kinds, provider.Kind, provider.Id);
            byKind[_kind[p]].Add(p);
            foreach (var certification in provider.Certifications)
            {
                var c = Index(data.Certifications, certification, provider.Id);
                _certs[p] |= 1UL << c;
                byCertification[c].Add(p);
            }

            foreach (var stage in provider.Stages)
            {
                _stages[p] |= 1UL << Index(data.Stages, stage, provider.Id);
            }

            var district = data.DistrictIndex(provider.DistrictId);
            _districtSlot[p] = ((district + 1) * 2) + (provider.Remote ? 1 : 0);
            _eligible[p] = provider.Verified;
            _expires[p] = provider.ExpiresOn.DayNumber;
            _verifiedDay[p] = provider.VerifiedOn?.DayNumber ?? UnknownDay;
            _responsiveness[p] = weights.Responsiveness.For(provider.MedianResponseDays);
            foreach (var code in provider.NicCodes)
            {
                for (var length = 2; length <= code.Length; length++)
                {
                    AddPosting(nic, code[..length], p);
                }
            }

            _words[p] = TextTokens.Of(provider.Name + " " + provider.Services);
            foreach (var word in _words[p])
            {
                AddPosting(words, word, p);
            }
        }

        _byKind = [.. byKind.Select(l => l.ToArray())];
        _byCertification = [.. byCertification.Select(l => l.ToArray())];
        _nicPostings = nic.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _vocabulary = [.. words.Keys.Order(StringComparer.Ordinal)];
        _wordPostings = [.. _vocabulary.Select(w => words[w].ToArray())];
        _districtPoints = DistrictTable(weights);
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n));
    }

    public MatchingWeights Weights { get; }

    public int ProviderCount => _providers.Length;

    /// <summary>The best <paramref name="top"/> providers for the need, best first; fewer when fewer pass the hard filters.</summary>
    public IReadOnlyList<ProviderMatch> Match(Need need, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var scratch = _scratch.Value!;
        scratch.Next();
        var weights = Weights;
        var kinds = Mask(_data.Kinds, need.Kinds);
        var certifications = Mask(_data.Certifications, need.Certifications);
        var stage = need.Stage is null ? -1 : _data.Stages.IndexOf(need.Stage);
        var stageBit = stage < 0 ? 0UL : 1UL << stage;
        var needDistrict = _data.DistrictIndex(need.DistrictId);
        var districtRow = needDistrict < 0 ? -1 : needDistrict * ((_districtCount + 1) * 2);
        var asOf = need.AsOf.DayNumber;
        MarkNic(scratch, need.NicCode);
        var textTotal = MarkWords(scratch, TextTokens.Of(need.Text));
        var best = new Best(top);
        var stamp = scratch.Stamp;

        // First the providers sharing NIC digits or words with the need; then, only if one that shares neither could
        // still beat the k-th best so far, every other provider the hard filters allow.
        foreach (var p in scratch.Marked)
        {
            if (Passes(p, kinds, certifications, asOf))
            {
                best.Offer(p, Score(p, scratch, stageBit, districtRow, textTotal, asOf));
            }
        }

        var unmarkedBest = (stageBit != 0 ? weights.Stage : 0) + (districtRow < 0 ? 0 : MaxDistrictPoints) + weights.Responsiveness.Points + weights.Freshness.Points;
        if (!best.Full || best.Threshold <= unmarkedBest)
        {
            foreach (var candidates in Candidates(kinds, certifications))
            {
                foreach (var p in candidates)
                {
                    if (scratch.NicStamp[p] != stamp && scratch.TextStamp[p] != stamp && Passes(p, kinds, certifications, asOf))
                    {
                        best.Offer(p, Score(p, scratch, stageBit, districtRow, textTotal, asOf));
                    }
                }
            }
        }

        var matches = new ProviderMatch[best.Count];
        for (var r = 0; r < best.Count; r++)
        {
            var p = best.Index[r];
            matches[r] = new ProviderMatch(r + 1, _providers[p], best.Score[r], Reasons(p, need, needDistrict));
        }

        return matches;
    }

    /// <summary>
    /// The engine the other way round: the needs (of <paramref name="needs"/>) that the provider could serve, best first,
    /// at most <paramref name="top"/>. A need is listed when the provider passes its hard filters, with the very score
    /// and reasons <see cref="Match"/> gives this provider for it (so a provider sees what the enterprise's list sees);
    /// ties go to the smaller need id (ordinal). An unknown provider id has none.
    /// </summary>
    public IReadOnlyList<NeedMatch> NeedsFor(string providerId, IEnumerable<Need> needs, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var p = Array.BinarySearch(_providers, new ProviderProfile { Id = providerId, Name = "", Kind = "", ExpiresOn = default }, ProviderById.Instance);
        if (p < 0)
        {
            return [];
        }

        var scratch = _scratch.Value!;
        var scored = new List<(Need Need, double Score)>();
        foreach (var need in needs)
        {
            var kinds = Mask(_data.Kinds, need.Kinds);
            var certifications = Mask(_data.Certifications, need.Certifications);
            if (!Passes(p, kinds, certifications, need.AsOf.DayNumber))
            {
                continue;
            }

            scratch.Next();
            var stage = need.Stage is null ? -1 : _data.Stages.IndexOf(need.Stage);
            var needDistrict = _data.DistrictIndex(need.DistrictId);
            MarkNic(scratch, need.NicCode);
            var textTotal = MarkWords(scratch, TextTokens.Of(need.Text));
            var districtRow = needDistrict < 0 ? -1 : needDistrict * ((_districtCount + 1) * 2);
            scored.Add((need, Score(p, scratch, stage < 0 ? 0UL : 1UL << stage, districtRow, textTotal, need.AsOf.DayNumber)));
        }

        return [.. scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Need.Id, StringComparer.Ordinal)
            .Take(top)
            .Select((s, r) => new NeedMatch(r + 1, s.Need, s.Score, Reasons(p, s.Need, _data.DistrictIndex(s.Need.DistrictId))))];
    }

    public void Dispose() => _scratch.Dispose();

    private double MaxDistrictPoints => Math.Max(Weights.SameDistrict, Weights.Remote);

    private bool Passes(int p, ulong kinds, ulong certifications, int asOf) =>
        _eligible[p] && _expires[p] >= asOf && (kinds == 0 || (kinds & (1UL << _kind[p])) != 0) && (_certs[p] & certifications) == certifications;

    /// <summary>The documented sum, part by part in the documented order (the oracle adds in the same order).</summary>
    private double Score(int p, Scratch scratch, ulong stageBit, int districtRow, double textTotal, int asOf)
    {
        var weights = Weights;
        var stamp = scratch.Stamp;
        var score = scratch.NicStamp[p] == stamp ? scratch.NicPoints[p] : 0;
        score += (_stages[p] & stageBit) != 0 ? weights.Stage : 0;
        score += districtRow < 0 ? 0 : _districtPoints[districtRow + _districtSlot[p]];
        score += textTotal > 0 && scratch.TextStamp[p] == stamp ? weights.Text * (scratch.TextSum[p] / textTotal) : 0;
        score += _responsiveness[p];
        score += weights.Freshness.For(_verifiedDay[p] == UnknownDay ? null : Math.Max(0, asOf - _verifiedDay[p]));
        return score;
    }

    /// <summary>How many leading digits two NIC codes share, up to the shorter one's length.</summary>
    public static int SharedDigits(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    private IEnumerable<int[]> Candidates(ulong kinds, ulong certifications)
    {
        if (certifications != 0)
        {
            int[]? shortest = null;
            for (var c = 0; c < _byCertification.Length; c++)
            {
                if ((certifications & (1UL << c)) != 0 && (shortest is null || _byCertification[c].Length < shortest.Length))
                {
                    shortest = _byCertification[c];
                }
            }

            return [shortest!];
        }

        if (kinds != 0)
        {
            return _byKind.Where((_, k) => (kinds & (1UL << k)) != 0);
        }

        return _byKind;
    }

    private void MarkNic(Scratch scratch, string code)
    {
        for (var length = Math.Min(code.Length, 5); length >= 2; length--)
        {
            if (!_nicPostings.TryGetValue(code.AsSpan(0, length), out var postings))
            {
                continue;
            }

            var points = Weights.Nic(length);
            foreach (var p in postings)
            {
                if (scratch.NicStamp[p] != scratch.Stamp)
                {
                    scratch.NicStamp[p] = scratch.Stamp;
                    scratch.NicPoints[p] = points;
                    scratch.Marked.Add(p);
                }
            }
        }
    }

    /// <summary>Adds each need word's rarity to the providers it finds; returns the sum of all the need words' rarities.</summary>
    private double MarkWords(Scratch scratch, ImmutableArray<string> needWords)
    {
        double total = 0;
        foreach (var word in needWords)
        {
            scratch.Found.Clear();
            scratch.WordStamp++;
            var from = Array.BinarySearch(_vocabulary, word, StringComparer.Ordinal);
            for (var v = from < 0 ? ~from : from; v < _vocabulary.Length && TextTokens.Answers(_vocabulary[v], word); v++)
            {
                foreach (var p in _wordPostings[v])
                {
                    if (scratch.WordSeen[p] != scratch.WordStamp)
                    {
                        scratch.WordSeen[p] = scratch.WordStamp;
                        scratch.Found.Add(p);
                    }
                }
            }

            var rarity = Rarity(_providers.Length, scratch.Found.Count);
            total += rarity;
            foreach (var p in scratch.Found)
            {
                if (scratch.TextStamp[p] != scratch.Stamp)
                {
                    scratch.TextStamp[p] = scratch.Stamp;
                    scratch.TextSum[p] = 0;
                    if (scratch.NicStamp[p] != scratch.Stamp)
                    {
                        scratch.Marked.Add(p);
                    }
                }

                scratch.TextSum[p] += rarity;
            }
        }

        return total;
    }

    /// <summary>The weight of a need word found in <paramref name="found"/> of <paramref name="providers"/> profiles: rarer words weigh more.</summary>
    public static double Rarity(int providers, int found) => Math.Log(1 + ((double)providers / (1 + found)));

    private ImmutableArray<MatchReason> Reasons(int p, Need need, int needDistrict)
    {
        var provider = _providers[p];
        var reasons = ImmutableArray.CreateBuilder<MatchReason>();
        var shared = provider.NicCodes.Select(c => SharedDigits(c, need.NicCode)).DefaultIfEmpty(0).Max();
        if (shared >= 2)
        {
            var code = need.NicCode[..shared];
            reasons.Add(new MatchReason(shared switch { >= 5 => ReasonCode.NicSubclass, 4 => ReasonCode.NicClass, 3 => ReasonCode.NicGroup, _ => ReasonCode.NicDivision }, code));
        }

        if (need.Stage is { } stage && provider.Stages.Contains(stage))
        {
            reasons.Add(new MatchReason(ReasonCode.Stage, stage));
        }

        foreach (var certification in need.Certifications)
        {
            reasons.Add(new MatchReason(ReasonCode.Certified, certification));
        }

        if (needDistrict >= 0)
        {
            reasons.Add(DistrictReason(DistanceOf(needDistrict, _data.DistrictIndex(provider.DistrictId)), provider, Weights));
        }

        var found = TextTokens.Spellings(need.Text).Where(w => _words[p].Any(pw => TextTokens.Answers(pw, w.Key))).Select(w => w.Value).ToList();
        if (found.Count > 0)
        {
            reasons.Add(new MatchReason(ReasonCode.Words, string.Join(' ', found)));
        }

        if (provider.MedianResponseDays is { } days)
        {
            reasons.Add(new MatchReason(ReasonCode.AnswersWithin, days.ToString("0.#", CultureInfo.InvariantCulture)));
        }

        if (provider.VerifiedOn is { } verified)
        {
            reasons.Add(new MatchReason(ReasonCode.VerifiedDaysAgo, Math.Max(0, need.AsOf.DayNumber - verified.DayNumber).ToString(CultureInfo.InvariantCulture)));
        }

        return reasons.ToImmutable();
    }

    private static MatchReason DistrictReason(ReasonCode distance, ProviderProfile provider, MatchingWeights weights)
    {
        var id = provider.DistrictId ?? "";
        if (provider.Remote && weights.Remote > DistancePoints(distance, weights))
        {
            return new MatchReason(ReasonCode.Remote, id);
        }

        return new MatchReason(distance, distance == ReasonCode.OutsideKerala ? "" : id);
    }

    private ReasonCode DistanceOf(int needDistrict, int providerDistrict) =>
        providerDistrict < 0 ? ReasonCode.OutsideKerala
        : providerDistrict == needDistrict ? ReasonCode.SameDistrict
        : _data.Neighbours.AreNeighbours(needDistrict, providerDistrict) ? ReasonCode.NeighbouringDistrict
        : ReasonCode.ElsewhereInKerala;

    private static double DistancePoints(ReasonCode distance, MatchingWeights weights) => distance switch
    {
        ReasonCode.SameDistrict => weights.SameDistrict,
        ReasonCode.NeighbouringDistrict => weights.NeighbouringDistrict,
        ReasonCode.ElsewhereInKerala => weights.ElsewhereInKerala,
        _ => weights.OutsideKerala,
    };

    /// <summary>Points by need district row, then provider slot: (district + 1) * 2, plus 1 when remote (district -1 is outside Kerala).</summary>
    private double[] DistrictTable(MatchingWeights weights)
    {
        var slots = (_districtCount + 1) * 2;
        var table = new double[_districtCount * slots];
        for (var need = 0; need < _districtCount; need++)
        {
            for (var provider = -1; provider < _districtCount; provider++)
            {
                var points = DistancePoints(DistanceOf(need, provider), weights);
                table[(need * slots) + ((provider + 1) * 2)] = points;
                table[(need * slots) + ((provider + 1) * 2) + 1] = Math.Max(points, weights.Remote);
            }
        }

        return table;
    }

    private static ulong Mask(Vocabulary vocabulary, ImmutableArray<string> ids)
    {
        var mask = 0UL;
        foreach (var id in ids)
        {
            var index = vocabulary.IndexOf(id);
            mask |= index < 0 ? throw new ArgumentException($"'{id}' is not a known id.", nameof(ids)) : 1UL << index;
        }

        return mask;
    }

    private static int Index(Vocabulary vocabulary, string id, string provider)
    {
        var index = vocabulary.IndexOf(id);
        return index >= 0 ? index : throw new ArgumentException($"Provider '{provider}': '{id}' is not a known id.");
    }

    private static void AddPosting(Dictionary<string, List<int>> postings, string key, int p)
    {
        if (!postings.TryGetValue(key, out var list))
        {
            postings[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != p)
        {
            list.Add(p);
        }
    }

    private sealed class ProviderById : IComparer<ProviderProfile>
    {
        public static readonly ProviderById Instance = new();

        public int Compare(ProviderProfile? x, ProviderProfile? y) => string.CompareOrdinal(x?.Id, y?.Id);
    }

    /// <summary>Per-thread arrays, one slot per provider, valid where the stamp equals the current need's.</summary>
    private sealed class Scratch(int providers)
    {
        public int Stamp { get; private set; }

        public int WordStamp { get; set; }

        public int[] NicStamp { get; } = new int[providers];

        public double[] NicPoints { get; } = new double[providers];

        public int[] TextStamp { get; } = new int[providers];

        public double[] TextSum { get; } = new double[providers];

        public int[] WordSeen { get; } = new int[providers];

        public List<int> Found { get; } = [];

        /// <summary>The providers sharing NIC digits or words with the current need, each once.</summary>
        public List<int> Marked { get; } = [];

        public void Next()
        {
            if (Stamp == int.MaxValue || WordStamp > int.MaxValue - 100_000)
            {
                Array.Clear(NicStamp);
                Array.Clear(TextStamp);
                Array.Clear(WordSeen);
                Stamp = 0;
                WordStamp = 0;
            }

            Stamp++;
            Marked.Clear();
        }
    }

    /// <summary>The best k so far, best first: higher score, then smaller provider index (ordinal id).</summary>
    private sealed class Best(int k)
    {
        public int[] Index { get; } = new int[k];

        public double[] Score { get; } = new double[k];

        public int Count { get; private set; }

        public bool Full => Count == Index.Length;

        /// <summary>The k-th best score: a provider must beat it (or tie it with a smaller id) to enter.</summary>
        public double Threshold => Score[Count - 1];

        public void Offer(int p, double score)
        {
            if (Count == Index.Length && !Beats(p, score, Count - 1))
            {
                return;
            }

            var at = Count == Index.Length ? Count - 1 : Count++;
            while (at > 0 && Beats(p, score, at - 1))
            {
                Index[at] = Index[at - 1];
                Score[at] = Score[at - 1];
                at--;
            }

            Index[at] = p;
            Score[at] = score;
        }

        private bool Beats(int p, double score, int slot) => score > Score[slot] || (score == Score[slot] && p < Index[slot]);
    }
}
