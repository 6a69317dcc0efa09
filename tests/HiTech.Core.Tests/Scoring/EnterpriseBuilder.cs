using System.Collections.Immutable;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Scoring;

/// <summary>Builds an <see cref="EnterpriseInput"/> value by value, for tests against the reference framework.</summary>
internal sealed class EnterpriseBuilder(string id = "TEST-0001", string? name = null, string? district = null)
{
    private readonly List<ActivityInput> _activities = [];
    private readonly Dictionary<string, InputValue> _inputs = new(StringComparer.Ordinal);

    public EnterpriseBuilder Activity(string code, decimal? share = null, params string[] stages)
    {
        _activities.Add(new ActivityInput(code, share, [.. stages]));
        return this;
    }

    public EnterpriseBuilder ClearActivities()
    {
        _activities.Clear();
        return this;
    }

    public EnterpriseBuilder With(string input, decimal value, EvidenceLevel evidence = EvidenceLevel.SelfDeclared)
    {
        _inputs[input] = InputValue.Of(value, evidence);
        return this;
    }

    public EnterpriseBuilder With(string input, bool value, EvidenceLevel evidence = EvidenceLevel.SelfDeclared)
    {
        _inputs[input] = InputValue.Of(value, evidence);
        return this;
    }

    public EnterpriseBuilder WithCodes(string input, params string[] codes) => WithCodes(input, EvidenceLevel.SelfDeclared, codes);

    public EnterpriseBuilder WithCodes(string input, EvidenceLevel evidence, params string[] codes)
    {
        _inputs[input] = InputValue.OfCodes(codes, evidence);
        return this;
    }

    public EnterpriseBuilder Without(string input)
    {
        _inputs.Remove(input);
        return this;
    }

    /// <summary>Sets the evidence of the named inputs (every input given when none is named).</summary>
    public EnterpriseBuilder Evidence(EvidenceLevel level, params string[] inputs)
    {
        foreach (var key in inputs.Length == 0 ? [.. _inputs.Keys] : inputs)
        {
            _inputs[key] = _inputs[key] with { Evidence = level };
        }

        return this;
    }

    public EnterpriseInput Build() => new(id, name, district, [.. _activities], _inputs.ToImmutableDictionary(StringComparer.Ordinal));

    /// <summary>
    /// An electronics-components maker that earns full marks on every criterion of the reference framework:
    /// index 100, Hi-Tech Leader on score; every value self-declared.
    /// </summary>
    public static EnterpriseBuilder FullMarks(string id = "TEST-FULL") => new EnterpriseBuilder(id)
        .Activity("26101", null, "rnd", "advanced-manufacturing")
        .With("turnover", 10_00_00_000m)
        .With("value_added", 4_00_00_000m)
        .With("employees", 16)
        .With("rd_spend", 50_00_000m)
        .With("rd_staff", 4)
        .With("patents", 5)
        .With("designs", 5)
        .With("dsir_rd_unit", true)
        .With("high_value_stage_share", 0.8m)
        .With("stem_staff", 12)
        .With("returnee_hires", 5)
        .With("digital_maturity", 100)
        .With("export_revenue", 5_00_00_000m)
        .WithCodes("certifications", "iso9001", "iso13485", "nabl");
}

/// <summary>An enterprise loaded and scored under the reference framework, with its full explanation.</summary>
internal sealed record Scored(ScoringWorkspace Workspace, ScoreSummary Summary, Explanation Explanation)
{
    public static CompiledFramework Framework => TestFrameworks.Reference;

    public string Tier => Framework.Tiers[Summary.Tier].Id;

    public static Scored Of(EnterpriseBuilder builder) => Of(builder.Build());

    public static Scored Of(EnterpriseInput enterprise)
    {
        var workspace = new ScoringWorkspace(Framework);
        var issues = EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, enterprise);
        Assert.True(issues.Count == 0, string.Join("; ", issues.Select(i => $"{i.Field}: {i.Reason}")));
        var summary = Scorer.Score(workspace);
        return new Scored(workspace, summary, Explainer.Explain(workspace, enterprise.Id, enterprise.Name, TestFrameworks.Classifier));
    }

    /// <summary>The issues the loader refuses an enterprise with.</summary>
    public static IReadOnlyList<InputIssue> Issues(EnterpriseBuilder builder) =>
        EnterpriseLoader.Fill(new ScoringWorkspace(Framework), TestFrameworks.Classifier, builder.Build());

    public IndicatorOutcome Indicator(string id) => Explanation.Pillars.SelectMany(p => p.Indicators).Single(i => i.Id == id);

    public GateOutcome Gate(string id) => Explanation.Gates.Single(g => g.Id == id);
}
