using HiTech.Core.Analytics;

namespace HiTech.Core.Registry;

/// <summary>One registry row for a what-if: the enterprise's facts under the framework in force and under a proposal, or why the row was rejected.</summary>
public readonly record struct PairRow(long Line, string EnterpriseId, EnterpriseFacts? Before, EnterpriseFacts? After, RowIssue? Issue);
