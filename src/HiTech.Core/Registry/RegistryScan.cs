using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// Parses and scores registry rows under one or more frameworks (two for a simulation), with a workspace per
/// thread. As an <see cref="IRowHandler{T}"/> it makes each row a <see cref="ScoredRow"/>; <see cref="Lines"/>
/// makes each a finished results or rejects line. <see cref="RegistryFile.Read"/> feeds it the rows.
/// </summary>
public sealed class RegistryScan : IRowHandler<ScoredRow>, IDisposable
{
    private readonly CompiledFramework[] _frameworks;
    private readonly RegistryRowParser[] _parsers;
    private readonly ThreadLocal<ScoringWorkspace[]> _workspaces;

    /// <summary>Whether the first two frameworks read a row alike, so a pair is parsed once and copied (<see cref="RegistryReading"/>).</summary>
    private readonly bool _pairReadAlike;

    private RegistryScan(CompiledFramework[] frameworks, RegistryRowParser[] parsers)
    {
        _frameworks = frameworks;
        _parsers = parsers;
        _pairReadAlike = frameworks.Length > 1 && RegistryReading.Alike(frameworks[0], frameworks[1]);
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            var (layout, layoutErrors) = RegistryLayout.From(header, framework);
            errors.AddRange(layoutErrors.Where(seen.Add));
            if (layout is not null)
            {
                parsers.Add(new RegistryRowParser(framework, layout, classifier, classifier.Reference.Districts));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new RegistryScan(frameworks, [.. parsers]), errors);
    }

    /// <summary>A handler making each row its results or rejects line: the path of <c>hitech score</c>.</summary>
    public IRowHandler<ResultLine> Lines(ResultFormat format) => new LineHandler(this, format);

    ScoredRow IRowHandler<ScoredRow>.Row<TCells>(TCells cells, long line) => Score(cells, line);

    ScoredRow IRowHandler<ScoredRow>.Reject(long line, string reason) => new(line, "", null, 0, null, "", [], new RowIssue("", reason));

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

    /// <summary>A handler making each row the enterprise's analytics facts, or its rejects line: the path of <c>hitech indicators</c>.</summary>
    public IRowHandler<FactsRow> Facts(EnterpriseFactsBuilder builder, int year) => new FactsHandler(this, builder, year);

    /// <summary>Parses and scores one row under the first framework into its <see cref="EnterpriseFacts"/>, or its rejects line.</summary>
    public FactsRow ScoreFacts<TCells>(TCells cells, long line, EnterpriseFactsBuilder builder, int year)
        where TCells : ICells, allows ref struct
    {
        var workspace = _workspaces.Value![0];
        var idColumn = _parsers[0].Layout.IdColumn;
        var id = idColumn < cells.Count ? cells[idColumn].Trim() : default;
        if (!_parsers[0].TryParse(cells, workspace, out var district, out var issue))
        {
            var shown = id.Length <= RegistryRowParser.MaxIdLength ? id : InputRules.Shorten(id);
            return new FactsRow(null, ResultFormat.Rejected(line, shown, issue.Field, issue.Reason));
        }

        var score = Scorer.Score(workspace);
        return new FactsRow(builder.FromWorkspace(id.ToString(), district, workspace, score, year), null);
    }

    /// <summary>
    /// A handler making each row the enterprise's facts under the first two frameworks (the one in force and a
    /// proposal), or its rejection: the path of a what-if over a registry.
    /// </summary>
    public IRowHandler<PairRow> Pairs(EnterpriseFactsBuilder before, EnterpriseFactsBuilder after, int year) => new PairHandler(this, before, after, year);

    /// <summary>Parses and scores one row under the first two frameworks into its facts under each; the first rejection wins.</summary>
    public PairRow ScorePair<TCells>(TCells cells, long line, EnterpriseFactsBuilder before, EnterpriseFactsBuilder after, int year)
        where TCells : ICells, allows ref struct
    {
        var workspaces = _workspaces.Value!;
        var idColumn = _parsers[0].Layout.IdColumn;
        var id = idColumn < cells.Count ? cells[idColumn].Trim() : default;
        var enterpriseId = id.Length <= RegistryRowParser.MaxIdLength ? id.ToString() : InputRules.Shorten(id);
        if (!_parsers[0].TryParse(cells, workspaces[0], out var district, out var issue))
        {
            return new PairRow(line, enterpriseId, null, null, issue);
        }

        // Parsing is the cost of a row and scoring a tenth of it: when both frameworks read rows alike, parse once.
        if (_pairReadAlike)
        {
            workspaces[1].CopyInputsFrom(workspaces[0]);
        }
        else if (!_parsers[1].TryParse(cells, workspaces[1], out _, out issue))
        {
            return new PairRow(line, enterpriseId, null, null, issue);
        }

        var first = before.FromWorkspace(enterpriseId, district, workspaces[0], Scorer.Score(workspaces[0]), year);
        var second = after.FromWorkspace(enterpriseId, district, workspaces[1], Scorer.Score(workspaces[1]), year);
        return new PairRow(line, enterpriseId, first, second, null);
    }

    /// <summary>
    /// Parses one row under the first framework into this thread's workspace, which holds it until the thread's next
    /// row: the path of a registry import (<see cref="ImportedRegistry"/>). The id is shortened as rejects show it.
    /// </summary>
    public bool TryParse<TCells>(TCells cells, out ScoringWorkspace workspace, out string enterpriseId, out District? district, out RowIssue issue)
        where TCells : ICells, allows ref struct
    {
        workspace = _workspaces.Value![0];
        var id = _parsers[0].Layout.IdColumn < cells.Count ? cells[_parsers[0].Layout.IdColumn].Trim() : default;
        enterpriseId = id.Length <= RegistryRowParser.MaxIdLength ? id.ToString() : InputRules.Shorten(id);
        return _parsers[0].TryParse(cells, workspace, out district, out issue);
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

    private sealed class FactsHandler(RegistryScan scan, EnterpriseFactsBuilder builder, int year) : IRowHandler<FactsRow>
    {
        public FactsRow Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct => scan.ScoreFacts(cells, line, builder, year);

        public FactsRow Reject(long line, string reason) => new(null, ResultFormat.Rejected(line, "", "", reason));
    }

    private sealed class PairHandler(RegistryScan scan, EnterpriseFactsBuilder before, EnterpriseFactsBuilder after, int year) : IRowHandler<PairRow>
    {
        public PairRow Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct => scan.ScorePair(cells, line, before, after, year);

        public PairRow Reject(long line, string reason) => new(line, "", null, null, new RowIssue("", reason));
    }

    private sealed class LineHandler(RegistryScan scan, ResultFormat format) : IRowHandler<ResultLine>
    {
        public ResultLine Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct => scan.ScoreLine(cells, line, format);

        public ResultLine Reject(long line, string reason) => new(line, ResultFormat.Rejected(line, "", "", reason), Rejected: true);
    }
}
