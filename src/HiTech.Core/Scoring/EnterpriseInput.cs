using System.Collections.Immutable;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>One enterprise as supplied for scoring: who it is, what it does and the values of the framework's inputs.</summary>
public sealed record EnterpriseInput(
    string Id,
    string? Name,
    string? District,
    ImmutableArray<ActivityInput> Activities,
    ImmutableDictionary<string, InputValue> Inputs);

/// <summary>An activity: its NIC code, its share of revenue (0-1, optional) and the value-chain stages it covers.</summary>
public sealed record ActivityInput(string Code, decimal? Share, ImmutableArray<string> Stages);

/// <summary>
/// A value for one input, with how far it can be trusted. Exactly one of the value fields is set, matching the
/// input's type: <see cref="Number"/> for money (INR), counts, ratios and numbers; <see cref="Flag"/>;
/// <see cref="Choice"/> for an enum; <see cref="Codes"/> for a code list.
/// </summary>
public sealed record InputValue(
    decimal? Number = null,
    bool? Flag = null,
    string? Choice = null,
    ImmutableArray<string> Codes = default,
    EvidenceLevel Evidence = EvidenceLevel.SelfDeclared)
{
    public static InputValue Of(decimal number, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) => new(Number: number, Evidence: evidence);

    public static InputValue Of(bool flag, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) => new(Flag: flag, Evidence: evidence);

    public static InputValue OfChoice(string choice, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) => new(Choice: choice, Evidence: evidence);

    public static InputValue OfCodes(IEnumerable<string> codes, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) => new(Codes: [.. codes], Evidence: evidence);
}

/// <summary>
/// Why a value was refused: the field it concerns and the rule broken, in plain English; for a single input's
/// value, also the <see cref="ValueProblem"/> for hosts to word themselves.
/// </summary>
public sealed record InputIssue(string Field, string Reason, ValueProblem? Problem = null)
{
    public InputIssue(CompiledInput input, ValueProblem problem)
        : this(input.Id, problem.Describe(input), problem)
    {
    }

    /// <summary>Issues are the same when they say the same: the problem only lets hosts say it in other words.</summary>
    public bool Equals(InputIssue? other) => other is not null && Field == other.Field && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(Field, Reason);
}
