using HiTech.Core.Frameworks;

namespace HiTech.Core.Maturity;

/// <summary>
/// How a digital maturity score moves a framework's hi-tech index when nothing else about the enterprise is known:
/// the part of the index the <see cref="InputId"/> input contributes. The index is a weighted sum, so differences
/// of this part are differences of the index, which is what the roadmap ranks steps by.
/// </summary>
public static class DigitalMaturityLift
{
    /// <summary>The framework input a maturity assessment's overall score feeds.</summary>
    public const string InputId = "digital_maturity";

    /// <summary>
    /// For every indicator whose expression is the bare input <see cref="InputId"/>: its pillar's weight × its share of
    /// the pillar's indicator weights × its normalised score; 0 for a framework without such an indicator.
    /// </summary>
    public static Func<double, double> PartOfIndex(CompiledFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var parts = new List<(double Share, Normalisation Normalise)>();
        var pillarWeights = framework.Pillars.Sum(p => p.Weight);
        foreach (var indicator in framework.Indicators)
        {
            if (indicator.Expression.Text.Trim() != InputId)
            {
                continue;
            }

            var pillar = framework.Pillars[indicator.Pillar];
            var indicatorWeights = pillar.Indicators.Sum(i => framework.Indicators[i].Weight);
            if (indicatorWeights > 0 && pillarWeights > 0)
            {
                parts.Add((pillar.Weight / pillarWeights * indicator.Weight / indicatorWeights, indicator.Normalise));
            }
        }

        return score => parts.Sum(p => p.Share * p.Normalise.Score(score));
    }
}
