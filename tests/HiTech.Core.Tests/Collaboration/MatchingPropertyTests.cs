using System.Collections.Immutable;
using CsCheck;
using HiTech.Core.Collaboration;

namespace HiTech.Core.Tests.Collaboration;

/// <summary>The engine against the brute-force oracle on random providers and needs, and its hard filters.</summary>
public class MatchingPropertyTests
{
    private static readonly string[] Codes = ["22", "221", "2219", "22191", "22192", "2211", "22111", "10", "107", "1079", "10791", "26", "2651", "26510", "28", "2819", "28191", "1394"];

    private static readonly string[] Words = ["rubber", "testing", "test", "latex", "tensile", "coir", "design", "lab", "റബ്ബർ", "റബ്ബര്‍", "പരിശോധന", "പരിശോധനയും", "ലാബ്", "calibration", "food", "of", "Rubber-Testing"];

    private static readonly DateOnly Today = new(2026, 12, 1);

    private static CollaborationData Data => TestCollaboration.Data;

    private static Gen<ImmutableArray<string>> SubsetOf(string[] values, int max) =>
        Gen.Int[0, values.Length - 1].Array[0, max].Select(ix => ix.Distinct().Select(i => values[i]).ToImmutableArray());

    private static readonly Gen<string?> District =
        Gen.Int[-1, 13].Select(i => i < 0 ? null : Data.Districts.All[i].Id);

    private static readonly Gen<ProviderProfile> Provider =
        from id in Gen.Int[0, 40]
        from kind in Gen.OneOf([.. Data.Kinds.Terms.Select(t => t.Id)])
        from district in District
        from remote in Gen.Bool
        from codes in SubsetOf(Codes, 3)
        from stages in SubsetOf([.. Data.Stages.Terms.Take(4).Select(t => t.Id)], 3)
        from certifications in SubsetOf([.. Data.Certifications.Terms.Take(4).Select(t => t.Id)], 3)
        from words in SubsetOf(Words, 4)
        from expires in Gen.Int[-30, 30]
        from verified in Gen.Int[0, 9]
        from verifiedAgo in Gen.Int[-5, 400]
        from median in Gen.Int[-1, 20]
        select new ProviderProfile
        {
            Id = "p" + id,
            Name = "Provider " + id,
            Kind = kind,
            DistrictId = district,
            Remote = remote,
            NicCodes = codes,
            Stages = stages,
            Certifications = certifications,
            Services = string.Join(' ', words),
            ExpiresOn = Today.AddDays(expires),
            Verified = verified > 0,
            VerifiedOn = verifiedAgo < 0 ? null : Today.AddDays(-verifiedAgo),
            MedianResponseDays = median < 0 ? null : median / 2.0,
        };

    private static readonly Gen<Need> NeedGen =
        from district in District
        from kinds in SubsetOf([.. Data.Kinds.Terms.Select(t => t.Id)], 2)
        from code in Gen.OneOf(Codes)
        from stage in Gen.Int[-1, 3]
        from certifications in SubsetOf([.. Data.Certifications.Terms.Take(4).Select(t => t.Id)], 2)
        from words in SubsetOf(Words, 4)
        from asOf in Gen.Int[-20, 20]
        select new Need
        {
            Id = "n",
            DistrictId = district,
            Kinds = kinds,
            NicCode = code,
            Stage = stage < 0 ? null : Data.Stages.Terms[stage].Id,
            Certifications = certifications,
            Text = string.Join(" and ", words),
            AsOf = Today.AddDays(asOf),
        };

    /// <summary>Providers with distinct ids (a file's repeated ids are rejected before the engine).</summary>
    private static readonly Gen<ProviderProfile[]> Providers = Provider.Array[0, 60].Select(ps => ps.DistinctBy(p => p.Id).ToArray());

    [Fact]
    public void The_engine_agrees_exactly_with_the_brute_force_oracle()
    {
        Gen.Select(Providers, NeedGen.Array[1, 4], Gen.Int[1, 8]).Sample((providers, needs, top) =>
        {
            using var engine = new MatchingEngine(providers, Data, TestCollaboration.Weights);
            foreach (var need in needs)
            {
                var expected = new MatchingOracle(providers, TestCollaboration.Weights, TestCollaboration.NeighboursPath).Top(need, top);
                var actual = engine.Match(need, top).Select(m => (m.Provider.Id, m.Score)).ToList();
                Assert.Equal(expected, actual);
            }
        }, iter: 300);
    }

    [Fact]
    public void No_match_ever_breaks_a_hard_filter()
    {
        Gen.Select(Providers, NeedGen).Sample((providers, need) =>
        {
            using var engine = new MatchingEngine(providers, Data, TestCollaboration.Weights);
            var matches = engine.Match(need, 50);
            foreach (var match in matches)
            {
                var p = match.Provider;
                Assert.True(p.Verified, p.Id);
                Assert.True(p.ExpiresOn >= need.AsOf, p.Id);
                Assert.True(need.Kinds.IsEmpty || need.Kinds.Contains(p.Kind), p.Id);
                Assert.All(need.Certifications, c => Assert.Contains(c, p.Certifications));
            }

            // Nothing that passes the filters is left out while there is room.
            Assert.Equal(Math.Min(50, providers.Count(p => MatchingOracle.Passes(p, need))), matches.Count);
            Assert.Equal(Enumerable.Range(1, matches.Count), matches.Select(m => m.Rank));
        }, iter: 300);
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_providers_are_given_in()
    {
        Gen.Select(Providers, NeedGen, Gen.Int).Sample((providers, need, seed) =>
        {
            var shuffled = providers.OrderBy(p => HashCode.Combine(p.Id, seed)).ToArray();
            using var a = new MatchingEngine(providers, Data, TestCollaboration.Weights);
            using var b = new MatchingEngine(shuffled, Data, TestCollaboration.Weights);
            Assert.Equal(a.Match(need, 10).Select(m => (m.Provider.Id, m.Score, m.Reasons.Length)), b.Match(need, 10).Select(m => (m.Provider.Id, m.Score, m.Reasons.Length)));
        }, iter: 100);
    }
    [Fact]
    public void Needs_for_a_provider_agree_with_the_oracle_scoring_each_need_the_other_way()
    {
        var numbered = NeedGen.Array[0, 8].Select(ns => ns.Select((n, i) => n with { Id = "n" + (i % 5) + i }).ToArray());
        Gen.Select(Providers, numbered, Gen.Int[1, 6]).Sample((providers, needs, top) =>
        {
            if (providers.Length == 0)
            {
                return;
            }

            using var engine = new MatchingEngine(providers, Data, TestCollaboration.Weights);
            var oracle = new MatchingOracle(providers, TestCollaboration.Weights, TestCollaboration.NeighboursPath);
            foreach (var provider in providers)
            {
                // The oracle's score of this provider for each need (every passing provider listed), ranked by score then need id.
                var expected = needs
                    .Select(n => (Need: n, Found: oracle.Top(n, int.MaxValue).Where(m => m.Id == provider.Id).ToList()))
                    .Where(x => x.Found.Count == 1)
                    .Select(x => (x.Need.Id, x.Found[0].Score))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
                    .Take(top)
                    .ToList();
                var actual = engine.NeedsFor(provider.Id, needs, top);
                Assert.Equal(expected, actual.Select(m => (m.Need.Id, m.Score)).ToList());
                Assert.Equal(Enumerable.Range(1, actual.Count), actual.Select(m => m.Rank));

                // The reasons are the ones the enterprise's list gives this provider for the same need.
                foreach (var found in actual)
                {
                    var seen = engine.Match(found.Need, providers.Length).Single(m => m.Provider.Id == provider.Id);
                    Assert.Equal(seen.Reasons, found.Reasons);
                }
            }

            Assert.Empty(engine.NeedsFor("no-such-provider", needs));
        }, iter: 150);
    }
}
