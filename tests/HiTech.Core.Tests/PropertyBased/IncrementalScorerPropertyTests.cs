using CsCheck;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.PropertyBased;

/// <summary>
/// The plan search's shortcut: rescoring only what the changed levers feed gives exactly what checking and scoring the
/// whole changed enterprise gives (every vector, to the bit), and putting the changes back leaves the unchanged
/// enterprise as it was scored, try after try.
/// </summary>
public class IncrementalScorerPropertyTests
{
    /// <summary>One change: which lever (modulo their number), where in its range, and which codes for a code list.</summary>
    private static readonly Gen<(int Lever, double Amount, ulong Codes)> Change = Gen.Select(Gen.Int[0, 1000], Gen.Double[0, 1], Gen.ULong);

    /// <summary>Up to eight tries in a row on the same enterprise, each of one to three changes.</summary>
    private static readonly Gen<(int Lever, double Amount, ulong Codes)[][]> Tries = Change.Array[1, 3].Array[1, 8];

    private static void AssertSameAsFullScoring(EnterpriseInput enterprise, (int Lever, double Amount, ulong Codes)[][] tries)
    {
        var framework = Registries.Framework;
        var (original, issues) = EnterpriseLoader.Load(framework, TestFrameworks.Classifier, enterprise);
        if (issues.Count > 0)
        {
            return;
        }

        var unchanged = Copy(original);
        Scorer.Score(unchanged);
        var scorer = new IncrementalScorer(original);
        foreach (var changes in tries)
        {
            var full = Copy(original);
            foreach (var (leverIndex, amount, codes) in changes)
            {
                var input = framework.Levers[leverIndex % framework.Levers.Length].Input;
                if (input.Type == InputType.Codes)
                {
                    var members = codes & (input.Domain!.Values.Length == 64 ? ulong.MaxValue : (1UL << input.Domain.Values.Length) - 1);
                    scorer.SetCodes(input, members);
                    full.SetCodes(input, members);
                }
                else
                {
                    var value = ValueIn(input, amount);
                    scorer.SetValue(input, value);
                    full.SetValue(input, value);
                }
            }

            var (valid, summary) = scorer.Score();
            Assert.Equal(EnterpriseLoader.FirstFailedCheck(full) is null, valid);
            Assert.Equal(Scorer.Score(full), summary);
            AssertSameVectors(full, scorer.Workspace);

            scorer.Reset();
            AssertSameVectors(unchanged, scorer.Workspace);
        }
    }

    /// <summary>A value of the input's type, anywhere in its range (beyond what the checks allow, too).</summary>
    private static double ValueIn(CompiledInput input, double amount) => input.Type switch
    {
        InputType.Boolean => amount < 0.5 ? 0 : 1,
        InputType.Enum => Math.Min((int)(amount * input.Domain!.Values.Length), input.Domain.Values.Length - 1),
        InputType.Count => Math.Floor(Within(input, amount)),
        _ => Within(input, amount),
    };

    private static double Within(CompiledInput input, double amount)
    {
        var min = double.IsFinite(input.Min) ? input.Min : 0;
        var max = double.IsFinite(input.Max) ? input.Max : 10_000_000_000;
        return min + (amount * (max - min));
    }

    private static ScoringWorkspace Copy(ScoringWorkspace original)
    {
        var copy = new ScoringWorkspace(original.Framework);
        copy.CopyInputsFrom(original);
        return copy;
    }

    private static void AssertSameVectors(ScoringWorkspace expected, ScoringWorkspace actual)
    {
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Sets, actual.Sets);
        Assert.Equal(expected.Evidence, actual.Evidence);
        Assert.Equal(expected.Missing, actual.Missing);
        Assert.Equal(expected.IndicatorRaw, actual.IndicatorRaw);
        Assert.Equal(expected.IndicatorScores, actual.IndicatorScores);
        Assert.Equal(expected.IndicatorMissing, actual.IndicatorMissing);
        Assert.Equal(expected.PillarScores, actual.PillarScores);
    }

    [Fact]
    public void Rescoring_what_the_changed_levers_feed_equals_scoring_a_generated_enterprise_whole() =>
        Gen.Select(Registries.Generated, Tries).Sample((e, tries) => AssertSameAsFullScoring(e.ToInput(), tries), iter: 300, threads: 1);

    [Fact]
    public void Rescoring_what_the_changed_levers_feed_equals_scoring_an_arbitrary_enterprise_whole() =>
        Gen.Select(Registries.Arbitrary, Tries).Sample((e, tries) => AssertSameAsFullScoring(e, tries), iter: 300, threads: 1);
}
