using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

/// <summary>What the shipped instrument (data/maturity/dma-kerala/2025.1.yaml) and schemes promise.</summary>
public class ShippedInstrumentTests
{
    private static readonly string[] DmaDimensions =
        ["digital_business_strategy", "digital_readiness", "human_centric_digitalisation", "data_management", "automation_ai", "green_digitalisation"];

    private static MaturityInstrument Shipped => TestMaturity.Shipped;

    [Fact]
    public void It_loads_with_its_actions_checked_against_the_shipped_schemes()
    {
        var result = MaturityInstrumentLoader.LoadFile(TestMaturity.ShippedPath, TestMaturity.Schemes.Ids);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(("dma-kerala", "2025.1", "dma-kerala/2025.1"), (Shipped.Id, Shipped.Version, Shipped.Reference));
    }

    [Fact]
    public void It_has_the_six_dimensions_of_the_EU_DMA()
    {
        Assert.Equal(DmaDimensions, Shipped.Dimensions.Select(d => d.Id));
        Assert.All(Shipped.Dimensions, d => Assert.False(string.IsNullOrWhiteSpace(d.Description.Ml)));
    }

    [Fact]
    public void The_screen_has_at_most_12_questions_two_per_dimension()
    {
        Assert.True(Shipped.Screen.Questions.Length <= 12);
        Assert.All(DmaDimensions, id => Assert.Equal(2, Shipped.Screen.Questions.Count(q => q.DimensionId == id)));
    }

    [Fact]
    public void Every_question_and_option_has_Malayalam_text()
    {
        Assert.All(Shipped.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Text.Ml), q.Id);
            Assert.False(string.IsNullOrWhiteSpace(q.Help.Ml), q.Id);
            Assert.All(q.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Text.Ml), $"{q.Id}.{o.Id}"));
            Assert.True(q.Text.Ml!.Any(c => c is >= '\u0D00' and <= '\u0D7F'), $"{q.Id}: the Malayalam text has no Malayalam letters");
        });
        Assert.All(Shipped.Actions, a => Assert.True(a.Text.Ml!.Any(c => c is >= '\u0D00' and <= '\u0D7F'), a.Id));
        Assert.All(Shipped.Scoring.Bands, b => Assert.False(string.IsNullOrWhiteSpace(b.Title.Ml)));
        Assert.False(string.IsNullOrWhiteSpace(Shipped.Scoring.Method.Ml));
    }

    [Fact]
    public void Single_questions_score_0_to_4_and_tick_all_questions_have_one_exclusive_none_option()
    {
        Assert.All(Shipped.Questions.Where(q => q.Type == QuestionType.Single), q => Assert.Equal([0, 1, 2, 3, 4], q.Options.Select(o => o.Points)));
        Assert.All(Shipped.Questions.Where(q => q.Type == QuestionType.Multi), q =>
        {
            var none = Assert.Single(q.Options, o => o.IsNone);
            Assert.Equal(0, none.Points);
            Assert.Equal(4, q.MaxPoints);
        });
    }

    [Fact]
    public void Deep_modules_have_3_to_5_questions_and_open_by_condition()
    {
        var deep = Shipped.Modules.Where(m => m.Kind == ModuleKind.Deep).ToList();

        Assert.True(deep.Count >= 6);
        Assert.All(deep, m =>
        {
            Assert.InRange(m.Questions.Length, 3, 5);
            Assert.False(string.IsNullOrWhiteSpace(m.OpensWhen), m.Id);
        });
        Assert.Equal("manufacturing", Shipped.Module("deep_automation").OpensWhen);
        Assert.Equal("employees >= 10", Shipped.Module("deep_people").OpensWhen);
        Assert.Equal("s_data_where >= 2 or employees >= 50", Shipped.Module("deep_data").OpensWhen);
    }

    [Fact]
    public void The_inventory_rates_the_Industry_4_0_technologies_on_one_adoption_scale()
    {
        var inventory = Assert.Single(Shipped.Modules, m => m.Kind == ModuleKind.Inventory);

        Assert.Equal(
            ["i_sensors_iot", "i_mes", "i_erp", "i_cad_cae_plm", "i_simulation_twins", "i_additive", "i_robots_cobots", "i_machine_vision", "i_ai_analytics", "i_cloud", "i_cybersecurity", "i_ecommerce_marketing"],
            inventory.Questions.Select(q => q.Id));
        Assert.Equal(["not-used", "exploring", "piloting", "in-use-some-areas", "in-use-across"], Shipped.AdoptionLevels.Select(l => l.Id));
        Assert.Equal([0, 1, 2, 3, 4], Shipped.AdoptionLevels.Select(l => l.Points));
        Assert.All(inventory.Questions, q =>
        {
            Assert.Equal(QuestionType.Adoption, q.Type);
            Assert.Equal(Shipped.AdoptionLevels, q.Options);
            Assert.Contains(q.DimensionId, DmaDimensions);
        });
    }

    [Fact]
    public void The_bands_and_peer_minimum_are_as_documented()
    {
        Assert.Equal(
            [("basic", 0, 25, false), ("average", 26, 50, true), ("moderately-advanced", 51, 75, true), ("advanced", 76, 100, true)],
            Shipped.Scoring.Bands.Select(b => (b.Id, b.Min, b.Max, b.Uncertain)));
        Assert.Equal(10, Shipped.Scoring.PeerMinimum);
        Assert.Contains("rounded half away from zero", Shipped.Scoring.Method.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dimension_and_band_has_two_or_three_actions_with_known_schemes()
    {
        foreach (var dimension in DmaDimensions)
        {
            foreach (var band in Shipped.Scoring.Bands)
            {
                Assert.InRange(Shipped.ActionsFor(dimension, band.Id).Count(), 2, 3);
            }
        }

        Assert.All(Shipped.Actions.SelectMany(a => a.Schemes), id => Assert.True(TestMaturity.Schemes.TryGet(id, out _), id));
    }

    [Fact]
    public void The_Industry_4_0_reimbursement_is_20_percent_up_to_25_lakh()
    {
        Assert.True(TestMaturity.Schemes.TryGet("industry-4-0-reimbursement", out var scheme));

        Assert.Equal(20m, scheme.Number("reimbursement_percent")!.Value);
        Assert.Equal(2_500_000m, scheme.Number("max_per_unit_inr")!.Value);
        Assert.False(scheme.Uncertain);
        Assert.Contains("Kerala Industrial Policy 2023", scheme.Source, StringComparison.Ordinal);
        Assert.Equal([MsmeSize.Micro, MsmeSize.Small, MsmeSize.Medium, MsmeSize.Large], scheme.Sizes);
    }

    [Fact]
    public void The_K_RIIS_caps_are_in_whole_rupees()
    {
        Assert.True(TestMaturity.Schemes.TryGet("k-riis-msme-capital-subsidy", out var msme));
        Assert.True(TestMaturity.Schemes.TryGet("k-riis-large-unit-incentives", out var large));

        Assert.Equal([45m, 4_000_000m, 10_000_000m, 20_000_000m], msme.Numbers.Select(n => n.Value));
        Assert.Equal([10m, 100_000_000m, 100m, 5m], large.Numbers.Select(n => n.Value));
        Assert.Equal([MsmeSize.Large], large.Sizes);
    }

    [Fact]
    public void Only_the_schemes_confirmed_in_the_reference_facts_are_certain_and_the_rest_say_what_to_check()
    {
        Assert.Equal(
            ["industry-4-0-reimbursement", "k-riis-large-unit-incentives", "k-riis-msme-capital-subsidy"],
            TestMaturity.Schemes.Schemes.Where(s => !s.Uncertain).Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(TestMaturity.Schemes.Schemes.Where(s => s.Uncertain), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.UncertainNote.En), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.UncertainNote.Ml), s.Id);
        });
    }
}
