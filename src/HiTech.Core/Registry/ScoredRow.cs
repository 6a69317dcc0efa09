using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// What became of one registry row: scored under each framework given (<see cref="Scores"/>), or rejected
/// with the field and reason. Nothing in between: every row read yields exactly one of these.
/// </summary>
public sealed record ScoredRow(
    long Line,
    string EnterpriseId,
    string? District,
    int PrimaryDivision,
    OecdGroup? PrimaryOecd,
    string HvaActivities,
    ScoreSummary[] Scores,
    RowIssue? Issue)
{
    public bool Rejected => Issue is not null;
}
