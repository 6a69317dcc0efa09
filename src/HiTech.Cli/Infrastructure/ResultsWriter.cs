using System.Text;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Writes scored rows to the results CSV and rejected rows to the rejects CSV, with the exact columns
/// documented in docs/registry-format.md. Per row it formats one number and looks up cached texts (tier ids,
/// OECD ids, the gate-id list of each failed-gates bit mask), so writing keeps pace with the parallel scoring.
/// </summary>
public sealed class ResultsWriter(CompiledFramework framework, CsvOutput results, CsvOutput rejects)
{
    public static readonly string[] ResultColumns = ["enterprise_id", "index", "tier", "primary_oecd_group", "hva_activities", "gates_failed", "framework_id", "framework_version"];

    public static readonly string[] RejectColumns = ["line", "enterprise_id", "field", "reason"];

    private readonly string[] _tiers = [.. framework.Tiers.Select(t => t.Id)];
    private readonly Dictionary<ulong, string> _gates = [];

    public long Scored { get; private set; }

    public long Rejected { get; private set; }

    public void WriteHeaders()
    {
        results.Row(ResultColumns);
        rejects.Row(RejectColumns);
    }

    public void Write(ScoredRow row)
    {
        if (row.Issue is { } issue)
        {
            Rejected++;
            rejects.Field(row.Line);
            rejects.Field(row.EnterpriseId);
            rejects.Field(issue.Field);
            rejects.Field(issue.Reason);
            rejects.EndRow();
            return;
        }

        Scored++;
        var score = row.Scores[0];
        Span<char> number = stackalloc char[32];
        score.Index.TryFormat(number, out var written, "F1", System.Globalization.CultureInfo.InvariantCulture);
        results.Field(row.EnterpriseId);
        results.Plain(number[..written]);
        results.Plain(_tiers[score.Tier]);
        results.Plain(row.PrimaryOecd is { } oecd ? OecdGroups.ToId(oecd) : "");
        results.Field(row.HvaActivities);
        results.Plain(GateIds(score.GatesFailed));
        results.Field(framework.Id);
        results.Field(framework.Version);
        results.EndRow();
    }

    private string GateIds(ulong failed)
    {
        if (failed == 0)
        {
            return "";
        }

        if (!_gates.TryGetValue(failed, out var text))
        {
            var ids = new StringBuilder();
            for (var g = 0; g < framework.Gates.Length; g++)
            {
                if ((failed & (1UL << g)) != 0)
                {
                    ids.Append(ids.Length > 0 ? ";" : "").Append(framework.Gates[g].Id);
                }
            }

            _gates[failed] = text = ids.ToString();
        }

        return text;
    }
}
