using HiTech.Core.Frameworks;

namespace HiTech.Core.Tests.Frameworks;

public class FrameworkDiffTests
{
    private static string ReferenceYaml => File.ReadAllText(TestFrameworks.ReferencePath);

    private static FrameworkDefinition Modified(Func<string, string> edit)
    {
        var result = TestFrameworks.LoadText(edit(ReferenceYaml));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Framework!.Definition;
    }

    private static string Swap(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_has_no_differences_with_itself()
    {
        var definition = TestFrameworks.Reference.Definition;

        Assert.Empty(FrameworkDiff.Compare(definition, definition));
        Assert.Empty(FrameworkDiff.Compare(definition, TestFrameworks.LoadText(ReferenceYaml).Framework!.Definition));
    }

    [Fact]
    public void Weight_changes_name_the_pillar_and_indicator()
    {
        var after = Modified(y => Swap(
            Swap(y, "        weight: 15\n        explain: { en: Patents filed", "        weight: 17.5\n        explain: { en: Patents filed"),
            "        weight: 5\n        explain: { en: Industrial designs", "        weight: 2.5\n        explain: { en: Industrial designs"));

        var changes = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after);

        Assert.Equal(
            [
                new FrameworkChange(ChangeKind.Changed, "pillars.rnd.indicators.patents.weight", "15", "17.5"),
                new FrameworkChange(ChangeKind.Changed, "pillars.rnd.indicators.designs.weight", "5", "2.5"),
            ],
            changes);
        Assert.Equal("changed  pillars.rnd.indicators.patents.weight: 15 -> 17.5", changes[0].ToString());
        Assert.Equal("pillars", changes[0].Section);
    }

    [Fact]
    public void Tier_thresholds_and_gates_are_compared()
    {
        var after = Modified(y => Swap(Swap(y, "    min_index: 55", "    min_index: 60"), "    gates: [rd_presence, technology_base]\n", "    gates: [rd_presence]\n"));

        var changes = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after);

        Assert.Contains(new FrameworkChange(ChangeKind.Changed, "tiers.hitech.min_index", "55", "60"), changes);
        Assert.Contains(new FrameworkChange(ChangeKind.Changed, "tiers.hitech.gates", "[rd_presence, technology_base]", "[rd_presence]"), changes);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Inputs_added_removed_and_changed()
    {
        var after = Modified(y => Swap(
            Swap(y, "inputs:\n", "inputs:\n  - id: women_staff\n    type: count\n    title: { en: Women on the staff, ml: സ്ത്രീ ജീവനക്കാർ }\n"),
            "  - id: digital_maturity\n    type: number\n    min: 0\n    max: 100\n", "  - id: digital_maturity\n    type: number\n    required: true\n    min: 0\n    max: 10\n"));

        var changes = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after);

        Assert.Contains(new FrameworkChange(ChangeKind.Added, "inputs.women_staff", null, "count, optional"), changes);
        Assert.Contains(new FrameworkChange(ChangeKind.Changed, "inputs.digital_maturity.required", "false", "true"), changes);
        Assert.Contains(new FrameworkChange(ChangeKind.Changed, "inputs.digital_maturity.max", "100", "10"), changes);

        var back = FrameworkDiff.Compare(after, TestFrameworks.Reference.Definition);
        Assert.Contains(new FrameworkChange(ChangeKind.Removed, "inputs.women_staff", "count, optional", null), back);
    }

    [Fact]
    public void Expressions_normalisation_rules_checks_tables_and_evidence_are_compared()
    {
        var after = Modified(y =>
        {
            y = Swap(y, "normalise: { steps: [[1, 50], [3, 75], [5, 100]], below: 0 }", "normalise: { steps: [[1, 40], [3, 75], [5, 100]], below: 0 }");
            y = Swap(y, "    expression: div(rd_spend, turnover, 0)", "    expression: div(rd_spend,   turnover, 1)");
            y = Swap(y, "rule: digital_maturity >= 51", "rule: digital_maturity >= 60");
            y = Swap(y, "      rule: division == 72", "      rule: division == 72 or division == 71");
            y = Swap(y, "    rule: value_added <= turnover", "    rule: value_added <= turnover * 1");
            y = Swap(y, "      \"26\": 1000000  # computer", "      \"26\": 1100000  # computer");
            y = Swap(y, "  - tier: emerging\n    level: document-backed\n    inputs: [turnover, value_added]", "  - tier: emerging\n    level: document-backed\n    inputs: [turnover]");
            return y;
        });

        var paths = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after).Select(c => c.Path).ToList();

        Assert.Equal(
            [
                "derived.rd_to_turnover.expression",
                "tables.va_median_by_division.values.26",
                "pillars.rnd.indicators.patents.normalise",
                "gates.digital_baseline.rule",
                "activities.hva_rules.research-services.rule",
                "checks.value-added-within-turnover.rule",
                "evidence.emerging.document-backed.inputs",
            ],
            paths);
    }

    [Fact]
    public void Rewrapping_an_expression_is_not_a_change()
    {
        var after = Modified(y => Swap(y, "    expression: div(rd_spend, value_added, 0)", "    expression: div(rd_spend,  value_added,   0)"));

        Assert.Empty(FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after));
    }

    [Fact]
    public void Metadata_and_pillars_added_or_removed()
    {
        var after = Modified(y => Swap(Swap(y, "version: \"2025.1\"", "version: \"2026.1\""), "effective: 2025-09-24", "effective: 2026-04-01"));

        var changes = FrameworkDiff.Compare(TestFrameworks.Reference.Definition, after);

        Assert.Equal(
            [
                new FrameworkChange(ChangeKind.Changed, "version", "2025.1", "2026.1"),
                new FrameworkChange(ChangeKind.Changed, "effective", "2025-09-24", "2026-04-01"),
            ],
            changes);
        Assert.All(changes, c => Assert.Equal("metadata", c.Section));
    }

    [Fact]
    public void Normalisations_read_as_one_line()
    {
        Assert.Equal("piecewise [[0, 0], [0.5, 80], [1, 100]]", FrameworkDiff.Describe(new PiecewiseNormalisation([(0, 0), (0.5, 80), (1, 100)], SourcePosition.None)));
        Assert.Equal("steps [[1, 50]] below 0", FrameworkDiff.Describe(new StepsNormalisation([(1, 50)], 0, SourcePosition.None)));
        Assert.Equal("lookup {true: 100, false: 0} default 0", FrameworkDiff.Describe(new LookupNormalisation([("true", 100), ("false", 0)], 0, SourcePosition.None)));
    }
}
