using HiTech.Core.Frameworks;

namespace HiTech.Core.Tests.Frameworks;

/// <summary>A form's changes to the weights, thresholds and gates of the version in force, made into a new version by the loader.</summary>
public class FrameworkEditTests
{
    private static string Yaml => File.ReadAllText(TestFrameworks.ReferencePath);

    private static FrameworkEditResult Apply(string version, params (string Path, string Value)[] values) =>
        FrameworkEdit.Apply(Yaml, "kerala-htmf-proposal.yaml", version, values.ToDictionary(v => v.Path, v => v.Value), TestFrameworks.Classifier.SectorIds);

    [Fact]
    public void The_settings_are_the_weights_thresholds_and_gates_of_the_version_with_the_diffs_paths()
    {
        var settings = FrameworkEdit.Settings(TestFrameworks.Reference.Definition);

        Assert.Contains(settings, s => s is { Path: "pillars.rnd.weight", Kind: FrameworkSettingKind.PillarWeight, Value: "25" });
        Assert.Contains(settings, s => s is { Path: "pillars.rnd.indicators.patents.weight", Pillar: "rnd", Value: "15" });
        Assert.Contains(settings, s => s is { Path: "tiers.hitech.min_index", Value: "55" });
        Assert.Contains(settings, s => s is { Path: "tiers.hitech.gates", Value: "rd_presence,technology_base" });
        Assert.Contains(settings, s => s is { Path: "tiers.emerging.gates", Value: "" });
        Assert.Equal(6 + 15 + (4 * 2), settings.Count);
    }

    [Fact]
    public void Lowering_a_threshold_writes_it_in_place_keeps_every_other_line_and_the_diff_shows_exactly_the_change()
    {
        var result = Apply("2099.7", ("tiers.hitech.min_index", "45"), ("tiers.hitech-leader.min_index", "70"));

        Assert.Empty(result.Problems);
        Assert.Equal("45", result.Framework!.Definition.Tiers.Single(t => t.Id == "hitech").MinIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([new FrameworkSettingChange("tiers.hitech.min_index", "55", "45")], result.Changes);
        var before = Yaml.Split('\n');
        var after = result.Yaml!.Split('\n');
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(2, before.Zip(after).Count(l => l.First != l.Second));
        var diff = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, result.Framework.Definition);
        Assert.Equal(["version", "tiers.hitech.min_index"], diff.Select(c => c.Path));
    }

    [Fact]
    public void Weights_and_gates_change_and_a_tier_without_gates_gets_its_first()
    {
        var result = Apply(
            "2099.8",
            ("pillars.rnd.weight", "30"),
            ("pillars.talent.weight", "5"),
            ("pillars.rnd.indicators.patents.weight", "10"),
            ("pillars.rnd.indicators.designs.weight", "10"),
            ("tiers.hitech.gates", "rd_presence"),
            ("tiers.emerging.gates", "quality_system"));

        Assert.Empty(result.Problems);
        var definition = result.Framework!.Definition;
        Assert.Equal(30, definition.Pillars.Single(p => p.Id == "rnd").Weight);
        Assert.Equal(["rd_presence"], definition.Tiers.Single(t => t.Id == "hitech").Gates);
        Assert.Equal(["quality_system"], definition.Tiers.Single(t => t.Id == "emerging").Gates);
        Assert.Equal(6, result.Changes.Count);
    }

    [Fact]
    public void An_impossible_change_is_refused_by_the_loader_and_named_by_its_setting()
    {
        var sum = Apply("2099.9", ("pillars.rnd.weight", "35"));
        var problem = Assert.Single(sum.Problems);
        Assert.Equal(("pillars", "pillar-weights-sum", "110"), (problem.Path, problem.Rule, problem.Values[0]));
        Assert.Null(sum.Framework);

        var indicators = Apply("2099.9", ("pillars.rnd.indicators.patents.weight", "20"));
        Assert.Equal(("pillars.rnd.indicators", "indicator-weights-sum"), (indicators.Problems[0].Path, indicators.Problems[0].Rule));

        var range = Apply("2099.9", ("tiers.hitech-leader.min_index", "120"));
        Assert.Contains(range.Problems, p => p is { Path: "tiers.hitech-leader.min_index", Rule: "bad-range" });

        var order = Apply("2099.9", ("tiers.emerging.min_index", "60"));
        Assert.Contains(order.Problems, p => p is { Path: "tiers.emerging.min_index", Rule: "tier-order" });

        var negative = Apply("2099.9", ("pillars.rnd.indicators.patents.weight", "-5"), ("pillars.rnd.indicators.designs.weight", "25"));
        Assert.Contains(negative.Problems, p => p is { Path: "pillars.rnd.indicators.patents.weight", Rule: "bad-weight" });
    }

    [Fact]
    public void What_is_not_a_number_an_unknown_gate_or_a_bad_version_is_refused_before_the_loader()
    {
        var result = Apply("2025.1", ("tiers.hitech.min_index", "4O"), ("tiers.hitech.gates", "rd_presence,magic"), ("tiers.none.min_index", "3"));

        Assert.Contains(result.Problems, p => p is { Path: "tiers.hitech.min_index", Rule: "not-a-number" });
        Assert.Contains(result.Problems, p => p is { Path: "tiers.hitech.gates", Rule: "unknown-gate" } && p.Values[1] == "magic");
        Assert.Contains(result.Problems, p => p is { Path: "tiers.none.min_index", Rule: "unknown-setting" });
        Assert.Contains(result.Problems, p => p is { Path: "version", Rule: "version-unchanged" });
        Assert.Contains(Apply("a b", ("tiers.hitech.min_index", "45")).Problems, p => p.Rule == "bad-version");
        Assert.Contains(Apply("2099.9", ("tiers.hitech.min_index", "55")).Problems, p => p.Rule == "no-change");
    }
}
