using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// One registry row as an import reads it: the enterprise's facts under the import's framework and its parsed inputs
/// and activities (what a scoring workspace needs to score it again under any framework that reads rows alike), or
/// why it was rejected.
/// </summary>
internal sealed record ImportRow(
    long Line,
    string EnterpriseId,
    RowIssue? Issue,
    EnterpriseFacts? Facts,
    double[] Values,
    ulong[] Sets,
    ulong Missing,
    string[] Codes,
    double[] Shares,
    ulong[] Stages)
{
    public static ImportRow Rejected(long line, string enterpriseId, RowIssue issue) => new(line, enterpriseId, issue, null, [], [], 0, [], [], []);

    /// <summary>Reads each row once under the scan's (first) framework; runs on the pipeline's worker threads.</summary>
    public sealed class Handler(RegistryScan scan, EnterpriseFactsBuilder builder, int year) : IRowHandler<ImportRow>
    {
        public ImportRow Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct
        {
            if (!scan.TryParse(cells, out var workspace, out var id, out var district, out var issue))
            {
                return Rejected(line, id, issue);
            }

            var inputs = workspace.Framework.Inputs.Length;
            var values = workspace.Values.AsSpan(0, inputs).ToArray();
            var sets = workspace.Sets.ToArray();
            var missing = workspace.Missing;
            var count = workspace.ActivityCount;
            var codes = new string[count];
            for (var a = 0; a < count; a++)
            {
                codes[a] = workspace.ActivityFacts[a].Entry.Code;
            }

            var shares = workspace.ActivityShares.AsSpan(0, count).ToArray();
            var stages = workspace.ActivityStages.AsSpan(0, count).ToArray();
            var facts = builder.FromWorkspace(id, district, workspace, Scorer.Score(workspace), year);
            return new ImportRow(line, id, null, facts, values, sets, missing, codes, shares, stages);
        }

        public ImportRow Reject(long line, string reason) => Rejected(line, "", new RowIssue("", reason));
    }
}
