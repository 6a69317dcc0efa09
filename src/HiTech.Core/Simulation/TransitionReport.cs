namespace HiTech.Core.Simulation;

/// <summary>
/// How a registry's tiers move from a baseline framework to a proposal. <see cref="Matrix"/> is indexed
/// [baseline tier][proposal tier], tiers highest first as each framework lists them.
/// </summary>
public sealed record TransitionReport(
    string BaselineId,
    string BaselineVersion,
    string ProposalId,
    string ProposalVersion,
    IReadOnlyList<string> BaselineTiers,
    IReadOnlyList<string> ProposalTiers,
    IReadOnlyList<IReadOnlyList<long>> Matrix,
    long Scored,
    long Rejected,
    long Up,
    long Down,
    long Unchanged,
    IReadOnlyList<MoverGroup> ByDistrict,
    IReadOnlyList<MoverGroup> BySector)
{
    /// <summary>Enterprises in each baseline tier (row totals).</summary>
    public IReadOnlyList<long> BaselineTotals => [.. Matrix.Select(row => row.Sum())];

    /// <summary>Enterprises in each proposal tier (column totals).</summary>
    public IReadOnlyList<long> ProposalTotals => [.. Enumerable.Range(0, ProposalTiers.Count).Select(c => Matrix.Sum(row => row[c]))];
}

/// <summary>Movers within one district or sector: <see cref="Key"/> is the district name or the 2-digit NIC division.</summary>
public sealed record MoverGroup(string Key, string Title, long Up, long Down, long Unchanged)
{
    public long Movers => Up + Down;

    public long Total => Up + Down + Unchanged;
}
