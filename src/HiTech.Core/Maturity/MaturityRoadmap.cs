using System.Collections.Immutable;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Maturity;

/// <summary>A concrete action of a step, with the schemes open to the firm's size class that can help pay for it.</summary>
public sealed record RoadmapAction(MaturityAction Action, ImmutableArray<Scheme> Schemes);

/// <summary>
/// One step of the roadmap: raise a dimension from its <see cref="Score"/> (in <see cref="Band"/>). <see cref="Gap"/> is
/// 100 − score; <see cref="HiTechLift"/> how much the hi-tech index would rise if the gap were closed (the dimension at
/// 100, the others unchanged); <see cref="CostTier"/> the cheapest of its actions. <see cref="Rank"/> starts at 1.
/// </summary>
public sealed record RoadmapStep(
    int Rank,
    string DimensionId,
    LocalText Title,
    int Score,
    MaturityBand Band,
    int Gap,
    double HiTechLift,
    CostTier CostTier,
    ImmutableArray<RoadmapAction> Actions);

/// <summary>The ranked next steps; <see cref="HiTechIndex"/> is the index at the current overall score (0 when it has none yet).</summary>
public sealed record MaturityRoadmapResult(double HiTechIndex, ImmutableArray<RoadmapStep> Steps);

/// <summary>
/// Builds the roadmap: one step for every dimension below 100, with the actions the instrument gives for the band the
/// dimension is in. Steps are ranked by the lift in the hi-tech index from closing the dimension's gap (largest
/// first), then by the gap (largest first), then by cost tier (cheapest first), then in the instrument's dimension order.
/// Because the overall score is the mean of the dimensions, the lift follows the gap; the index decides where it flattens
/// (for example at a pillar's cap) and then the larger gap comes first.
/// </summary>
public static class MaturityRoadmap
{
    /// <summary>A hi-tech index that ignores digital maturity: the ranking then follows the gaps alone.</summary>
    public static Func<double, double> NoIndex { get; } = _ => 0;

    /// <param name="result">A valid result (<see cref="MaturityResult.IsValid"/>).</param>
    /// <param name="instrument">The instrument the result was scored with.</param>
    /// <param name="schemes">The schemes the actions name.</param>
    /// <param name="hiTechLift">Given a digital maturity score (0-100), the hi-tech index: the web computes it with the framework's scorer for the firm; tests pass a stub.</param>
    public static MaturityRoadmapResult Build(MaturityResult result, MaturityInstrument instrument, SchemeCatalog schemes, Func<double, double> hiTechLift)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(hiTechLift);
        if (!result.IsValid)
        {
            throw new ArgumentException("A roadmap needs a valid result; this one has answer errors.", nameof(result));
        }

        var scored = result.Dimensions.Where(d => d.Score.HasValue).ToList();
        var now = result.Overall is { } overall ? Round2(hiTechLift(overall)) : 0;
        var candidates = new List<(RoadmapStep Step, int Order)>();
        for (var i = 0; i < instrument.Dimensions.Length; i++)
        {
            var dimension = instrument.Dimensions[i];
            if (scored.FirstOrDefault(d => d.DimensionId == dimension.Id) is not { Score: { } score, Band: { } band } || score >= 100)
            {
                continue;
            }

            var lift = 0.0;
            if (result.Overall is not null)
            {
                var closed = MaturityScorer.RoundMean(scored.Select(d => d.DimensionId == dimension.Id ? 100 : d.Score!.Value));
                lift = Round2(Round2(hiTechLift(closed)) - now);
            }

            var actions = instrument.ActionsFor(dimension.Id, band.Id)
                .Select((action, order) => (action, order))
                .OrderBy(a => a.action.CostTier)
                .ThenBy(a => a.order)
                .Select(a => new RoadmapAction(a.action, [.. a.action.Schemes.Select(id => schemes.TryGet(id, out var s) ? s : null).OfType<Scheme>().Where(s => s.IsOpenTo(result.Profile.Size))]))
                .ToImmutableArray();
            var cost = actions.IsEmpty ? CostTier.High : actions.Min(a => a.Action.CostTier);
            candidates.Add((new RoadmapStep(0, dimension.Id, dimension.Title, score, band, 100 - score, lift, cost, actions), i));
        }

        var ranked = candidates
            .OrderByDescending(c => c.Step.HiTechLift)
            .ThenByDescending(c => c.Step.Gap)
            .ThenBy(c => c.Step.CostTier)
            .ThenBy(c => c.Order)
            .Select((c, rank) => c.Step with { Rank = rank + 1 });
        return new MaturityRoadmapResult(now, [.. ranked]);
    }

    private static double Round2(double value) => double.IsFinite(value) ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : 0;
}
