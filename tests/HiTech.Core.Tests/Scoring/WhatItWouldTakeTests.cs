using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

/// <summary>
/// Every reachable suggestion is checked by scoring the enterprise again with the suggested value, and on
/// monotone criteria the value one unit short must not be enough.
/// </summary>
public class WhatItWouldTakeTests
{
    private static NextTierOption Option(Scored scored, string input) => scored.Explanation.WhatItWouldTake.Single(o => o.Input == input);

    /// <summary>Reads a suggested value back: "₹12,34,000", "12.5%", "5", "67.6".</summary>
    private static decimal Parse(CompiledInput input, string text) => input.Type switch
    {
        InputType.Money => decimal.Parse(text.TrimStart('₹').Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture),
        InputType.Ratio => decimal.Parse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture) / 100,
        _ => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static decimal Unit(CompiledInput input) => input.Type switch
    {
        InputType.Money => 1_000,
        InputType.Count => 1,
        InputType.Ratio => 0.001m,
        _ => 0.1m,
    };

    [Theory]
    [InlineData("rd_spend")]
    [InlineData("patents")]
    [InlineData("designs")]
    [InlineData("digital_maturity")]
    [InlineData("export_revenue")]
    public void A_suggested_value_reaches_the_next_tier_and_one_unit_less_does_not(string id)
    {
        var scored = Scored.Of(IndexAndContributionTests.MidTier());
        var input = Scored.Framework.InputsById[id];

        var option = Option(scored, id);

        Assert.True(option.Reachable, option.Note);
        var needed = Parse(input, option.Needed!);
        Assert.Equal(option.Note, $"raise from {option.Current} to {option.Needed}");
        var reached = Scored.Of(IndexAndContributionTests.MidTier().With(id, needed));
        Assert.Equal("hitech-leader", reached.Tier);
        var short_ = Scored.Of(IndexAndContributionTests.MidTier().With(id, needed - Unit(input)));
        Assert.Equal("hitech", short_.Tier);
    }

    [Fact]
    public void The_smallest_patent_count_is_one()
    {
        var option = Option(Scored.Of(IndexAndContributionTests.MidTier()), "patents");

        Assert.Equal(("0", "1"), (option.Current, option.Needed));
    }

    [Fact]
    public void Registered_designs_reach_the_tier_only_at_the_top_step()
    {
        // Three designs score 80 (+1.0 points, not enough); five score 100 (+1.25).
        Assert.Equal("5", Option(Scored.Of(IndexAndContributionTests.MidTier()), "designs").Needed);
    }

    [Fact]
    public void A_yes_no_input_suggests_the_change_that_reaches()
    {
        var option = Option(Scored.Of(IndexAndContributionTests.MidTier()), "dsir_rd_unit");

        Assert.True(option.Reachable);
        Assert.Equal(("no", "yes", "change to 'yes'"), (option.Current, option.Needed, option.Note));
        Assert.Equal("hitech-leader", Scored.Of(IndexAndContributionTests.MidTier().With("dsir_rd_unit", true)).Tier);
    }

    [Fact]
    public void A_code_list_suggests_every_single_code_that_reaches()
    {
        // The unit holds ISO 9001 (30 quality points); a sector standard adds 40 and NABL 30, ZED or ISO 14001 too little.
        var option = Option(Scored.Of(IndexAndContributionTests.MidTier()), "certifications");

        Assert.True(option.Reachable);
        Assert.Equal("add any one of: iso13485, as9100, iatf16949, nabl", option.Note);
        Assert.Equal("hitech-leader", Scored.Of(IndexAndContributionTests.MidTier().WithCodes("certifications", "iso9001", "nabl")).Tier);
        Assert.Equal("hitech", Scored.Of(IndexAndContributionTests.MidTier().WithCodes("certifications", "iso9001", "zed-gold")).Tier);
    }

    [Theory]
    [InlineData("returnee_hires")]
    [InlineData("stem_staff")]
    [InlineData("high_value_stage_share")]
    [InlineData("rd_staff")]
    public void An_input_already_at_full_marks_is_not_reachable_alone(string id)
    {
        var option = Option(Scored.Of(IndexAndContributionTests.MidTier()), id);

        Assert.False(option.Reachable);
        Assert.Null(option.Needed);
        Assert.StartsWith("not reachable by this input alone", option.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Reachable_options_come_first_and_facts_of_the_business_are_never_levers()
    {
        var options = Scored.Of(IndexAndContributionTests.MidTier()).Explanation.WhatItWouldTake;

        Assert.DoesNotContain(options, o => o.Input is "turnover" or "employees");
        var firstUnreachable = options.ToList().FindIndex(o => !o.Reachable);
        Assert.True(firstUnreachable > 0);
        Assert.All(options.Skip(firstUnreachable), o => Assert.False(o.Reachable));
    }

    [Fact]
    public void A_missing_input_may_be_the_one_thing_to_report()
    {
        // Without a digital maturity score the digital gate fails, so no other single change can reach the top tier.
        var scored = Scored.Of(IndexAndContributionTests.MidTier().Without("digital_maturity"));
        var input = Scored.Framework.InputsById["digital_maturity"];

        var option = Option(scored, "digital_maturity");

        Assert.True(option.Reachable);
        Assert.Null(option.Current);
        Assert.Equal($"not given now; reporting {option.Needed} would reach the next tier", option.Note);
        var needed = Parse(input, option.Needed!);
        Assert.Equal("hitech-leader", Scored.Of(IndexAndContributionTests.MidTier().With("digital_maturity", needed)).Tier);
        Assert.Equal("hitech", Scored.Of(IndexAndContributionTests.MidTier().With("digital_maturity", needed - 0.1m)).Tier);
        Assert.Equal(["digital_maturity"], scored.Explanation.WhatItWouldTake.Where(o => o.Reachable).Select(o => o.Input));
    }

    [Fact]
    public void Suggestions_respect_the_framework_s_checks()
    {
        // Exports cannot pass turnover: the search must not suggest more than ₹10 crore.
        var options = Scored.Of(IndexAndContributionTests.MidTier()).Explanation.WhatItWouldTake;
        var input = Scored.Framework.InputsById["export_revenue"];

        Assert.True(Parse(input, options.Single(o => o.Input == "export_revenue").Needed!) <= 10_00_00_000m);
        Assert.True(int.Parse(options.Single(o => o.Input == "rd_staff").Current!, CultureInfo.InvariantCulture) <= 16);
    }

    [Fact]
    public void An_unreachable_tier_says_so_for_each_input()
    {
        // A cordage maker with nothing but its size: even the best value of one input stays conventional.
        var scored = Scored.Of(new EnterpriseBuilder("TEST-LOW")
            .Activity("13941", null, "conventional-manufacturing")
            .With("turnover", 50_00_000m)
            .With("value_added", 5_00_000m)
            .With("employees", 5));

        Assert.Equal("conventional", scored.Tier);
        Assert.Equal("emerging", scored.Explanation.NextTier!.Id);
        var designs = Option(scored, "designs");
        Assert.False(designs.Reachable);
        Assert.Equal("not reachable by this input alone", designs.Note);
        Assert.Equal("not reachable by this input alone", Option(scored, "dsir_rd_unit").Note);
        Assert.Equal("not reachable by adding one item alone", Option(scored, "certifications").Note);
    }
}
