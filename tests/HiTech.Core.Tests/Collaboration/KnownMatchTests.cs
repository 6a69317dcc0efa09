using System.Collections.Immutable;
using HiTech.Core.Collaboration;

namespace HiTech.Core.Tests.Collaboration;

/// <summary>Hand-built cases where the right provider is known: it must rank first, for the reasons expected.</summary>
public class KnownMatchTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static ProviderProfile Provider(string id, string kind, string? district, string codes, string stages = "", string certifications = "", string services = "", bool remote = false, int expiresIn = 200, bool verified = true, double? median = null) => new()
    {
        Id = id,
        Name = "Provider " + id,
        Kind = kind,
        DistrictId = district,
        Remote = remote,
        NicCodes = List(codes),
        Stages = List(stages),
        Certifications = List(certifications),
        Services = services,
        ExpiresOn = Today.AddDays(expiresIn),
        Verified = verified,
        MedianResponseDays = median,
    };

    private static ImmutableArray<string> List(string text) => [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries)];

    private static readonly ProviderProfile[] Ecosystem =
    [
        Provider("rubber-lab-kottayam", "tic-lab", "kottayam", "2219", "testing-certification", "nabl", "Rubber testing: tensile, ageing. റബ്ബർ പരിശോധന", median: 2),
        Provider("rubber-lab-expired", "tic-lab", "kottayam", "22191", "testing-certification", "nabl", "Rubber testing റബ്ബർ പരിശോധന", expiresIn: -1, median: 1),
        Provider("rubber-lab-unverified", "tic-lab", "kottayam", "22191", "testing-certification", "nabl", "Rubber testing റബ്ബർ പരിശോധന", verified: false, median: 1),
        Provider("rubber-lab-no-nabl", "tic-lab", "kottayam", "22191", "testing-certification", "iso9001", "Rubber testing റബ്ബർ പരിശോധന", median: 1),
        Provider("rubber-institute", "rnd-institute", "kottayam", "22191", "rnd;testing-certification", "nabl", "Rubber research and testing"),
        Provider("electronics-lab", "tic-lab", "thiruvananthapuram", "26", "testing-certification", "nabl;iso9001", "Calibration of instruments", median: 1),
        Provider("rubber-lab-kannur", "tic-lab", "kannur", "2219", "testing-certification", "nabl", "Rubber testing", median: 2),
        Provider("rubber-lab-idukki", "tic-lab", "idukki", "2219", "testing-certification", "nabl", "Rubber testing", median: 2),
        Provider("coir-designers", "design-engineering", "alappuzha", "1394", "design-engineering", "", "Coir product design കയർ ഉൽപ്പന്ന ഡിസൈൻ"),
        Provider("remote-designers", "design-engineering", null, "1394", "design-engineering", "", "Coir product design", remote: true),
        Provider("plant-automation", "professional", "malappuram", "2819", "advanced-manufacturing", "", "CNC retrofit and automation", remote: true, median: 1),
        Provider("food-institute", "rnd-institute", "thrissur", "1079", "rnd;prototyping", "", "Spice and cardamom quality research"),
    ];

    private static Need NeedFor(string district, string kinds, string code, string? stage, string certifications, string text) => new()
    {
        Id = "need",
        DistrictId = district,
        Kinds = List(kinds),
        NicCode = code,
        Stage = stage,
        Certifications = List(certifications),
        Text = text,
        AsOf = Today,
    };

    public static TheoryData<string, string, string, string, string?, string, string> Cases => new()
    {
        // The Kottayam glove maker needing NABL rubber tests: the local, verified, current, accredited lab.
        { "rubber-lab-kottayam", "Kottayam", "tic-lab", "22191", "testing-certification", "nabl", "tensile and ageing tests for rubber gloves" },
        // The same in Malayalam only: the Malayalam words find the lab that writes them.
        { "rubber-lab-kottayam", "kottayam", "tic-lab", "22191", "testing-certification", "nabl", "റബ്ബർ കയ്യുറകളുടെ പരിശോധന" },
        // From Ernakulam, the neighbouring Idukki lab beats the far Kannur one (and every lab ties on everything else).
        { "rubber-lab-idukki", "ernakulam", "tic-lab", "2219", "testing-certification", "nabl", "rubber testing" },
        // Any kind allowed: the accredited rubber institute in the very sub-class wins over class-level labs.
        { "rubber-institute", "kottayam", "", "22191", "rnd", "nabl", "rubber research" },
        { "coir-designers", "alappuzha", "design-engineering", "13941", "design-engineering", "", "new coir product designs" },
        { "plant-automation", "kozhikode", "", "2819", "advanced-manufacturing", "", "CNC retrofit of a packing line" },
        { "food-institute", "idukki", "rnd-institute", "10791", "rnd", "", "cardamom quality" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_right_provider_ranks_first(string expected, string district, string kinds, string code, string? stage, string certifications, string text)
    {
        using var engine = new MatchingEngine(Ecosystem, TestCollaboration.Data, TestCollaboration.Weights);
        var resolved = TestCollaboration.Data.Districts.TryResolve(district, out var d) ? d.Id : throw new ArgumentException(district);
        var matches = engine.Match(NeedFor(resolved, kinds, code, stage, certifications, text), 5);
        Assert.NotEmpty(matches);
        Assert.Equal(expected, matches[0].Provider.Id);
    }

    [Fact]
    public void The_first_match_carries_its_reasons_as_codes_with_values()
    {
        using var engine = new MatchingEngine(Ecosystem, TestCollaboration.Data, TestCollaboration.Weights);
        var best = engine.Match(NeedFor("kottayam", "tic-lab", "22191", "testing-certification", "nabl", "tensile tests for rubber gloves"), 1).Single();
        Assert.Equal(
            [
                new MatchReason(ReasonCode.NicClass, "2219"),
                new MatchReason(ReasonCode.Stage, "testing-certification"),
                new MatchReason(ReasonCode.Certified, "nabl"),
                new MatchReason(ReasonCode.SameDistrict, "kottayam"),
                new MatchReason(ReasonCode.Words, "tensile rubber"),
                new MatchReason(ReasonCode.AnswersWithin, "2"),
            ],
            best.Reasons);
    }

    [Fact]
    public void Expired_unverified_and_uncertified_labs_are_never_matched()
    {
        using var engine = new MatchingEngine(Ecosystem, TestCollaboration.Data, TestCollaboration.Weights);
        var ids = engine.Match(NeedFor("kottayam", "tic-lab", "22191", "testing-certification", "nabl", "rubber testing"), 20).Select(m => m.Provider.Id).ToList();
        Assert.DoesNotContain("rubber-lab-expired", ids);
        Assert.DoesNotContain("rubber-lab-unverified", ids);
        Assert.DoesNotContain("rubber-lab-no-nabl", ids);
        Assert.DoesNotContain("rubber-institute", ids);
        Assert.Equal(["rubber-lab-kottayam", "rubber-lab-idukki", "rubber-lab-kannur", "electronics-lab"], ids);
    }

    [Fact]
    public void A_remote_provider_counts_as_near_and_says_so()
    {
        using var engine = new MatchingEngine(Ecosystem, TestCollaboration.Data, TestCollaboration.Weights);
        var matches = engine.Match(NeedFor("kasaragod", "design-engineering", "1394", "design-engineering", "", "coir"), 5);
        var remote = matches.Single(m => m.Provider.Id == "remote-designers");
        var local = matches.Single(m => m.Provider.Id == "coir-designers");
        Assert.Contains(new MatchReason(ReasonCode.Remote, ""), remote.Reasons);
        Assert.Contains(new MatchReason(ReasonCode.ElsewhereInKerala, "alappuzha"), local.Reasons);
        Assert.Equal(TestCollaboration.Weights.Remote - TestCollaboration.Weights.ElsewhereInKerala, remote.Score - local.Score, 9);
    }
}
