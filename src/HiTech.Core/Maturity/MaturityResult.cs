using System.Collections.Immutable;

namespace HiTech.Core.Maturity;

/// <summary>
/// One dimension's score. <see cref="Score"/> = 100 × <see cref="Points"/> / <see cref="Possible"/>, rounded half away
/// from zero; null while none of the dimension's applicable questions is answered. <see cref="Answered"/> of
/// <see cref="Applicable"/> questions count; <see cref="ScreenOnly"/>: every answer counted comes from the short screen.
/// </summary>
public sealed record DimensionScore(
    string DimensionId,
    int? Score,
    int Points,
    int Possible,
    int Answered,
    int Applicable,
    bool ScreenOnly,
    MaturityBand? Band);

/// <summary>
/// The result of scoring a firm's answers against an instrument. When <see cref="Errors"/> is not empty the answers
/// were refused: no scores are given. Otherwise <see cref="Overall"/> is the mean of the dimension scores once every
/// dimension has one, and <see cref="IsFirstEstimate"/> says only screen answers were counted.
/// </summary>
public sealed record MaturityResult(
    string InstrumentId,
    string InstrumentVersion,
    MaturityProfile Profile,
    ImmutableArray<DimensionScore> Dimensions,
    int? Overall,
    MaturityBand? Band,
    ImmutableArray<string> OpenModules,
    ImmutableArray<string> ClosedModules,
    bool IsFirstEstimate,
    int Answered,
    int Applicable,
    ImmutableArray<string> Unanswered,
    ImmutableArray<string> IgnoredAnswers,
    ImmutableArray<MaturityAnswerError> Errors)
{
    public bool IsValid => Errors.IsEmpty;

    /// <summary>Every question that applies to the firm is answered.</summary>
    public bool IsComplete => IsValid && Unanswered.IsEmpty;

    /// <summary>The score of a dimension, or null when it has none yet (or the id is unknown).</summary>
    public int? ScoreOf(string dimensionId) => Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId)?.Score;

    public DimensionScore Dimension(string dimensionId) =>
        Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId) ?? throw new KeyNotFoundException($"'{dimensionId}' is not a dimension of this result.");
}
