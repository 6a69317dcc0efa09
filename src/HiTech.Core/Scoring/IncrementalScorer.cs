using System.Numerics;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Scores one enterprise again and again with a few inputs changed, recomputing only what the changed inputs feed
/// (<see cref="InputProgram"/>) and taking everything else from one scoring of the unchanged enterprise. Gives what
/// <see cref="EnterpriseLoader.FirstFailedCheck"/> and <see cref="Scorer.Score"/> give on the changed enterprise, to
/// the bit (a property test holds it to that); the next-tier plan search makes thousands of such tries per enterprise.
/// </summary>
internal sealed class IncrementalScorer
{
    private readonly ScoringProgram _program;
    private readonly ScoreSummary _unchanged;
    private readonly bool _checksPass;

    // The unchanged enterprise's vectors, scored: what a changed part is put back to.
    private readonly double[] _values;
    private readonly ulong[] _sets;
    private readonly EvidenceLevel[] _evidence;
    private readonly ulong _missing;
    private readonly double[] _raw;
    private readonly double[] _scores;
    private readonly bool[] _indicatorMissing;
    private readonly double[] _pillars;

    /// <summary>Bits (by slot) of the inputs changed since the last <see cref="Reset"/>.</summary>
    private ulong _changed;

    public IncrementalScorer(ScoringWorkspace original)
    {
        Workspace = new ScoringWorkspace(original.Framework);
        Workspace.CopyInputsFrom(original);
        _program = original.Framework.Program;
        _unchanged = Scorer.Score(Workspace);
        _checksPass = EnterpriseLoader.FirstFailedCheck(Workspace) is null;
        _values = [.. Workspace.Values];
        _sets = [.. Workspace.Sets];
        _evidence = [.. Workspace.Evidence];
        _missing = Workspace.Missing;
        _raw = [.. Workspace.IndicatorRaw];
        _scores = [.. Workspace.IndicatorScores];
        _indicatorMissing = [.. Workspace.IndicatorMissing];
        _pillars = [.. Workspace.PillarScores];
    }

    /// <summary>The enterprise being scored: read it, but change inputs only through this class.</summary>
    public ScoringWorkspace Workspace { get; }

    public void SetValue(CompiledInput input, double value)
    {
        Workspace.SetValue(input, value, _evidence[input.Slot]);
        _changed |= input.Bit;
    }

    public void SetCodes(CompiledInput input, ulong members)
    {
        Workspace.SetCodes(input, members, _evidence[input.Slot]);
        _changed |= input.Bit;
    }

    /// <summary>Whether the changed enterprise passes the framework's checks, and its score.</summary>
    public (bool Valid, ScoreSummary Summary) Score()
    {
        var workspace = Workspace;
        var (values, sets, missing) = (workspace.Values, workspace.Sets, workspace.Missing);
        var gates = _unchanged.GatesFailed;

        // In any order: a quantity two inputs feed is computed last by the later one, after all its sources.
        for (var bits = _changed; bits != 0; bits &= bits - 1)
        {
            var part = _program.ForInput(BitOperations.TrailingZeroCount(bits));
            gates = (gates & ~part.Gates) | part.Main(values, sets, missing, workspace.IndicatorRaw, workspace.IndicatorScores, workspace.IndicatorMissing);
        }

        // A check the changes do not touch keeps its verdict; if one already failed, nothing changed can pass.
        var valid = _checksPass;
        for (var bits = _changed; bits != 0 && valid; bits &= bits - 1)
        {
            valid = _program.ForInput(BitOperations.TrailingZeroCount(bits)).FirstFailedCheck(values, sets, missing) < 0;
        }

        for (var bits = _changed; bits != 0; bits &= bits - 1)
        {
            foreach (var pillar in _program.ForInput(BitOperations.TrailingZeroCount(bits)).Pillars)
            {
                workspace.PillarScores[pillar] = Scorer.PillarScore(workspace, pillar);
            }
        }

        var index = Scorer.Index(workspace);
        var tier = Scorer.TierFor(workspace.Framework, index, gates);
        return (valid, new ScoreSummary(index, tier, gates, _unchanged.HvaActivities, _unchanged.PrimaryActivity));
    }

    /// <summary>Puts the changed inputs, and everything they fed, back to the unchanged enterprise's.</summary>
    public void Reset()
    {
        var workspace = Workspace;
        for (var bits = _changed; bits != 0; bits &= bits - 1)
        {
            var slot = BitOperations.TrailingZeroCount(bits);
            var input = workspace.Framework.Inputs[slot];
            workspace.Values[slot] = _values[slot];
            if (input.SetIndex >= 0)
            {
                workspace.Sets[input.SetIndex] = _sets[input.SetIndex];
            }

            workspace.Evidence[slot] = _evidence[slot];
            workspace.Missing = (workspace.Missing & ~input.Bit) | (_missing & input.Bit);

            var part = _program.ForInput(slot);
            foreach (var derived in part.DerivedSlots)
            {
                workspace.Values[derived] = _values[derived];
            }

            foreach (var i in part.Indicators)
            {
                workspace.IndicatorRaw[i] = _raw[i];
                workspace.IndicatorScores[i] = _scores[i];
                workspace.IndicatorMissing[i] = _indicatorMissing[i];
            }

            foreach (var pillar in part.Pillars)
            {
                workspace.PillarScores[pillar] = _pillars[pillar];
            }
        }

        _changed = 0;
    }
}
