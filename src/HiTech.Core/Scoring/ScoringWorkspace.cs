using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// The mutable vectors one enterprise is scored in. One workspace per thread, reused row after row,
/// so steady-state scoring allocates nothing.
/// </summary>
public sealed class ScoringWorkspace
{
    /// <summary>The most activities one enterprise can declare.</summary>
    public const int MaxActivities = 32;

    public ScoringWorkspace(CompiledFramework framework)
    {
        Framework = framework;
        Values = new double[framework.ValueCount];
        Sets = new ulong[Math.Max(framework.SetCount, 1)];
        Evidence = new EvidenceLevel[framework.Inputs.Length];
        IndicatorRaw = new double[framework.Indicators.Length];
        IndicatorScores = new double[framework.Indicators.Length];
        IndicatorMissing = new bool[framework.Indicators.Length];
        PillarScores = new double[framework.Pillars.Length];
        ActivityFacts = new ActivityFacts[MaxActivities];
        ActivityShares = new double[MaxActivities];
        ActivityStages = new ulong[MaxActivities];
        ActivityHvaRules = new ulong[MaxActivities];
        Clear();
    }

    public CompiledFramework Framework { get; }

    public double[] Values { get; }

    public ulong[] Sets { get; }

    /// <summary>Bits of the inputs not given.</summary>
    public ulong Missing { get; set; }

    public EvidenceLevel[] Evidence { get; }

    public int ActivityCount { get; private set; }

    public ActivityFacts[] ActivityFacts { get; }

    /// <summary>Declared revenue share per activity, NaN when not given (then shared equally).</summary>
    public double[] ActivityShares { get; }

    public ulong[] ActivityStages { get; }

    /// <summary>Filled by scoring: which high-value-added rules each activity met.</summary>
    public ulong[] ActivityHvaRules { get; }

    internal double[] ActivityValues { get; } = new double[ActivityQuantities.ValueCount];

    internal ulong[] ActivitySets { get; } = new ulong[ActivityQuantities.SetCount];

    /// <summary>Filled by scoring: each indicator's raw value, 0-100 score and whether it was missing.</summary>
    public double[] IndicatorRaw { get; }

    public double[] IndicatorScores { get; }

    public bool[] IndicatorMissing { get; }

    public double[] PillarScores { get; }

    /// <summary>Resets every input to missing and every activity away.</summary>
    public void Clear()
    {
        var inputs = Framework.Inputs.Length;
        Array.Fill(Values, double.NaN, 0, inputs);
        Array.Clear(Sets);
        Array.Clear(Evidence);
        Missing = inputs == 64 ? ulong.MaxValue : (1UL << inputs) - 1;
        ActivityCount = 0;
    }

    public void SetValue(CompiledInput input, double value, EvidenceLevel evidence = EvidenceLevel.SelfDeclared)
    {
        Values[input.Slot] = value;
        Evidence[input.Slot] = evidence;
        Missing &= ~input.Bit;
    }

    public void SetCodes(CompiledInput input, ulong members, EvidenceLevel evidence = EvidenceLevel.SelfDeclared)
    {
        Sets[input.SetIndex] = members;
        SetValue(input, 1, evidence);
    }

    public void SetMissing(CompiledInput input)
    {
        Values[input.Slot] = double.NaN;
        if (input.SetIndex >= 0)
        {
            Sets[input.SetIndex] = 0;
        }

        Evidence[input.Slot] = EvidenceLevel.SelfDeclared;
        Missing |= input.Bit;
    }

    public bool IsMissing(CompiledInput input) => (Missing & input.Bit) != 0;

    /// <summary>Adds an activity; false when the enterprise already has <see cref="MaxActivities"/>.</summary>
    public bool AddActivity(in ActivityFacts facts, double share, ulong stages)
    {
        if (ActivityCount == MaxActivities)
        {
            return false;
        }

        ActivityFacts[ActivityCount] = facts;
        ActivityShares[ActivityCount] = share;
        ActivityStages[ActivityCount] = stages;
        ActivityCount++;
        return true;
    }

    /// <summary>Copies the inputs and activities of another workspace of the same framework.</summary>
    public void CopyInputsFrom(ScoringWorkspace other)
    {
        var inputs = Framework.Inputs.Length;
        Array.Copy(other.Values, Values, inputs);
        Array.Copy(other.Sets, Sets, Sets.Length);
        Array.Copy(other.Evidence, Evidence, inputs);
        Missing = other.Missing;
        ActivityCount = other.ActivityCount;
        Array.Copy(other.ActivityFacts, ActivityFacts, other.ActivityCount);
        Array.Copy(other.ActivityShares, ActivityShares, other.ActivityCount);
        Array.Copy(other.ActivityStages, ActivityStages, other.ActivityCount);
    }
}
