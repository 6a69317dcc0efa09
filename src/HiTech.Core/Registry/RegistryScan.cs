using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;
using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>
/// Scores a registry in one streaming pass under one or more frameworks (two for a simulation), using every
/// core: Sep parses and scores rows in parallel batches and hands them back in file order. Memory stays flat
/// however long the file is. The caller owns the streams and writes the results.
/// </summary>
public sealed class RegistryScan : IDisposable
{
    private readonly CompiledFramework[] _frameworks;
    private readonly RegistryRowParser[] _parsers;
    private readonly ThreadLocal<ScoringWorkspace[]> _workspaces;

    private RegistryScan(CompiledFramework[] frameworks, RegistryRowParser[] parsers)
    {
        _frameworks = frameworks;
        _parsers = parsers;
        _workspaces = new ThreadLocal<ScoringWorkspace[]>(() => [.. frameworks.Select(f => new ScoringWorkspace(f))]);
    }

    public void Dispose() => _workspaces.Dispose();

    /// <summary>Header columns the frameworks do not read.</summary>
    public IReadOnlyList<string> IgnoredColumns => _parsers[0].Layout.IgnoredColumns;

    /// <summary>Checks the header against every framework; errors mean the file cannot be scored at all.</summary>
    public static (RegistryScan? Scan, IReadOnlyList<string> Errors) Prepare(IReadOnlyList<string> header, ActivityClassifier classifier, params CompiledFramework[] frameworks)
    {
        var parsers = new List<RegistryRowParser>();
        var errors = new List<string>();
        foreach (var framework in frameworks)
        {
            var (layout, layoutErrors) = RegistryLayout.From(header, framework);
            errors.AddRange(layoutErrors.Where(e => !errors.Contains(e)));
            if (layout is not null)
            {
                parsers.Add(new RegistryRowParser(framework, layout, classifier, classifier.Reference.Districts));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new RegistryScan(frameworks, [.. parsers]), errors);
    }

    /// <summary>Options for reading registry CSV: header required, column counts checked per row by the parser, quotes unescaped.</summary>
    public static SepReaderOptions CsvOptions => new(Sep.New(',')) { HasHeader = true, DisableColCountCheck = true, Unescape = true };

    /// <summary>Scores the rows of an open Sep reader in file order; in parallel when <paramref name="parallel"/>.</summary>
    public IEnumerable<ScoredRow> Score(SepReader reader, bool parallel = true) => parallel
        ? reader.ParallelEnumerate(ScoreRow)
        : reader.Enumerate(ScoreRow);

    /// <summary>Scores rows given as string cells (spreadsheets), sequentially.</summary>
    public IEnumerable<ScoredRow> Score(IEnumerable<(long Line, string[] Cells)> rows)
    {
        foreach (var (line, cells) in rows)
        {
            yield return Score(new ArrayCells(cells), line);
        }
    }

    private ScoredRow ScoreRow(SepReader.Row row) => Score(new SepCells(row), LineOf(row));

    /// <summary>
    /// The line a row starts on. Sep 0.17.1's ParallelEnumerate reports LineNumberFrom = 2 for the last row of each
    /// 512-row batch (LineNumberToExcl stays right), so the start is worked back from the end and the line breaks
    /// inside the row (quoted fields). Must run before any column is read (Sep unescapes quoted columns in place).
    /// </summary>
    public static long LineOf(SepReader.Row row)
    {
        var span = row.Span;
        var first = span.IndexOfAny('\r', '\n');
        if (first < 0)
        {
            return row.LineNumberToExcl - 1;
        }

        var breaks = 0;
        for (var i = first; i < span.Length; i++)
        {
            if (span[i] == '\n')
            {
                breaks++;
            }
            else if (span[i] == '\r')
            {
                breaks++;
                if (i + 1 < span.Length && span[i + 1] == '\n')
                {
                    i++;
                }
            }
        }

        return row.LineNumberToExcl - 1 - breaks;
    }

    /// <summary>
    /// Parses, scores and formats one row under the first framework, straight into its results or rejects line:
    /// the path of <c>hitech score</c>, with one allocation per row (the line itself).
    /// </summary>
    public ResultLine ScoreLine<TCells>(TCells cells, long line, ResultFormat format)
        where TCells : ICells, allows ref struct
    {
        var workspace = _workspaces.Value![0];
        var idColumn = _parsers[0].Layout.IdColumn;
        var id = idColumn < cells.Count ? cells[idColumn].Trim() : default;
        if (!_parsers[0].TryParse(cells, workspace, out _, out var issue))
        {
            var shown = id.Length <= RegistryRowParser.MaxIdLength ? id : InputRules.Shorten(id);
            return new ResultLine(line, ResultFormat.Rejected(line, shown, issue.Field, issue.Reason), Rejected: true);
        }

        var score = Scorer.Score(workspace);
        var primary = score.PrimaryActivity;
        var oecd = primary < 0 ? (OecdGroup?)null : workspace.ActivityFacts[primary].Oecd;
        return new ResultLine(line, format.Scored(id, score, oecd, HvaCodes(workspace, score.HvaActivities)), Rejected: false);
    }

    /// <summary>Parses and scores one row under every framework; the first rejection wins.</summary>
    public ScoredRow Score<TCells>(TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        var workspaces = _workspaces.Value!;
        var id = _parsers[0].Layout.IdColumn < cells.Count ? cells[_parsers[0].Layout.IdColumn].Trim() : default;
        var enterpriseId = id.Length <= RegistryRowParser.MaxIdLength ? id.ToString() : InputRules.Shorten(id);
        var scores = new ScoreSummary[_frameworks.Length];
        District? district = null;
        for (var f = 0; f < _frameworks.Length; f++)
        {
            if (!_parsers[f].TryParse(cells, workspaces[f], out district, out var issue))
            {
                return new ScoredRow(line, enterpriseId, district?.Name, 0, null, "", [], issue);
            }

            scores[f] = Scorer.Score(workspaces[f]);
        }

        var first = workspaces[0];
        var primary = scores[0].PrimaryActivity;
        return new ScoredRow(
            line,
            enterpriseId,
            district?.Name,
            primary < 0 ? 0 : first.ActivityFacts[primary].Division,
            primary < 0 ? null : first.ActivityFacts[primary].Oecd,
            HvaCodes(first, scores[0].HvaActivities),
            scores,
            null);
    }

    /// <summary>The codes of the high-value-added activities, ';'-separated; no allocation for the common one-activity case.</summary>
    private static string HvaCodes(ScoringWorkspace workspace, ulong hva)
    {
        if (hva == 0)
        {
            return "";
        }

        if ((hva & (hva - 1)) == 0)
        {
            return workspace.ActivityFacts[System.Numerics.BitOperations.TrailingZeroCount(hva)].Entry.Code;
        }

        var codes = new List<string>(4);
        for (var a = 0; a < workspace.ActivityCount; a++)
        {
            if ((hva & (1UL << a)) != 0)
            {
                codes.Add(workspace.ActivityFacts[a].Entry.Code);
            }
        }

        return string.Join(';', codes);
    }
}
