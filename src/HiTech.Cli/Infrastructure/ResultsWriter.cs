using HiTech.Core.Registry;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Writes finished result lines (formatted by the workers that scored them, see <see cref="ResultFormat"/>) to
/// the results or the rejects CSV, with the exact columns documented in docs/registry-format.md, and counts them.
/// </summary>
public sealed class ResultsWriter(CsvOutput results, CsvOutput rejects)
{
    public static readonly string[] ResultColumns = ResultFormat.ResultColumns;

    public static readonly string[] RejectColumns = ResultFormat.RejectColumns;

    public long Scored { get; private set; }

    public long Rejected { get; private set; }

    public void WriteHeaders()
    {
        results.Row(ResultColumns);
        rejects.Row(RejectColumns);
    }

    public void Write(in ResultLine line)
    {
        if (line.Rejected)
        {
            Rejected++;
            rejects.Raw(line.Text);
        }
        else
        {
            Scored++;
            results.Raw(line.Text);
        }
    }
}
