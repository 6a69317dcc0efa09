using System.Globalization;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// The content of the PDF report, in the user's language: the same as the result page (overall and band, the radar
/// chart with its numbers, the peer benchmark, the roadmap with its schemes, progress) as <see cref="PdfBlock"/>s.
/// </summary>
public sealed class MaturityReportDocument(MaturityWords words)
{
    public PdfReport Build(MaturityReport report)
    {
        var l = words.L;
        var c = report.Case;
        var r = report.Result;
        var instrument = c.Instrument;
        var blocks = new List<PdfBlock>
        {
            new PdfTitle(
                l["Digital maturity report"],
                $"{report.Firm.Name} · {words.District(report.Firm.District)} · {c.Label} · {(c.IsCompleted ? l["Finished {0}", Fmt.Date(c.Entity.CompletedAt)] : l["Started {0}", Fmt.Date(c.Entity.CreatedAt)])}"),
            new PdfParagraph(words.Profile(c.Profile), Small: true),
            new PdfScore(l["Overall: {0} out of 100", MaturityWords.Number(r.Overall)], l["Band: {0}", words.Band(r.Band)]),
        };
        if (r.IsFirstEstimate)
        {
            blocks.Add(new PdfParagraph(l["First estimate"] + ": " + l["This is a first estimate from the short screen alone. Each part you answer below makes it more exact."], Small: true));
        }

        if (!c.IsCompleted)
        {
            blocks.Add(new PdfParagraph(l["This assessment is not finished yet."], Small: true));
        }

        blocks.Add(new PdfHeading(l["Your six areas"]));
        var chart = ResultModel.BuildChart(report);
        blocks.Add(new PdfRadar(chart, l["Your scores"], chart.HasPeers ? l["Median of firms like yours"].Value : null));
        foreach (var dimension in instrument.Dimensions)
        {
            var score = r.Dimensions.FirstOrDefault(d => d.DimensionId == dimension.Id);
            var median = report.PeerMedian(dimension.Id);
            var value = words.Score(score?.Score, score?.Band) + (median is { } m ? " · " + l["firms like yours: {0}", MaturityWords.Median(m)] : "");
            blocks.Add(new PdfRow(MaturityWords.In(dimension.Title), value));
        }

        blocks.Add(new PdfRow(l["Overall"], words.Score(r.Overall, r.Band)));

        Benchmark(report, blocks);
        Roadmap(report, blocks);
        Progress(report, blocks);

        blocks.Add(new PdfHeading(l["How the scores are worked out"]));
        blocks.Add(new PdfParagraph(MaturityWords.In(instrument.Scoring.Method), Small: true));
        blocks.Add(new PdfParagraph(l["{0} of {1} questions that fit your unit are answered. Instrument {2}.", r.Answered.ToString(CultureInfo.InvariantCulture), r.Applicable.ToString(CultureInfo.InvariantCulture), instrument.Reference], Small: true));

        var created = (c.Entity.CompletedAt ?? c.Entity.UpdatedAt).UtcDateTime;
        return new PdfReport(
            $"{l["Digital maturity report"]} {c.Label}: {report.Firm.Name}",
            $"{instrument.Reference}; {r.Overall?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
            Language.Current,
            created,
            $"{l["Kerala Hi-Tech Manufacturing"]} · {instrument.Reference}",
            blocks);
    }

    private void Benchmark(MaturityReport report, List<PdfBlock> blocks)
    {
        var l = words.L;
        var b = report.Benchmark;
        var minimum = b.Minimum.ToString(CultureInfo.InvariantCulture);
        blocks.Add(new PdfHeading(l["Compared with firms like yours"]));
        if (!b.Shown)
        {
            var all = (b.Tried.LastOrDefault()?.Size ?? 0).ToString(CultureInfo.InvariantCulture);
            blocks.Add(new PdfParagraph(l["No benchmark is shown yet. A comparison needs at least {0} firms that have finished an assessment, and there are {1} so far.", minimum, all]));
            return;
        }

        blocks.Add(new PdfParagraph(l["Compared with {0}: {1} firms that have finished an assessment.", words.Group(b.Level!.Value, report.PeerFirm), b.GroupSize.ToString(CultureInfo.InvariantCulture)]));
        if (b.Overall is { } overall)
        {
            blocks.Add(new PdfRow(l["Overall"], l["Your score {0}:", MaturityWords.Number(overall.Score)] + " " + words.Standing(overall)));
        }

        foreach (var dimension in report.Case.Instrument.Dimensions)
        {
            blocks.Add(new PdfRow(
                MaturityWords.In(dimension.Title),
                b.Dimensions.TryGetValue(dimension.Id, out var standing)
                    ? l["Your score {0}:", MaturityWords.Number(standing.Score)] + " " + words.Standing(standing)
                    : l["Not shown: fewer than {0} of these firms have a score here.", minimum]));
        }
    }

    private void Roadmap(MaturityReport report, List<PdfBlock> blocks)
    {
        var l = words.L;
        blocks.Add(new PdfHeading(l["What to do next"]));
        if (report.Roadmap.Steps.IsEmpty)
        {
            blocks.Add(new PdfParagraph(l["Every area scores 100. Keep your systems, skills and data up to date to stay there."]));
            return;
        }

        blocks.Add(new PdfParagraph(l["The steps are in order of how much each would raise your hi-tech index, then by the size of the gap and the cost."], Small: true));
        foreach (var step in report.Roadmap.Steps)
        {
            blocks.Add(new PdfSubheading($"{step.Rank.ToString(CultureInfo.InvariantCulture)}. {MaturityWords.In(step.Title)}"));
            var line = l["Now {0} out of 100 ({1}); the gap to 100 is {2}.", MaturityWords.Number(step.Score), MaturityWords.In(step.Band.Title), MaturityWords.Number(step.Gap)].Value;
            if (step.HiTechLift > 0)
            {
                line += " " + l["Closing it would raise your hi-tech index by {0}.", words.Lift(step.HiTechLift)];
            }

            blocks.Add(new PdfParagraph(line));
            foreach (var action in step.Actions)
            {
                blocks.Add(new PdfBullet($"{MaturityWords.In(action.Action.Text)} ({words.CostShort(action.Action.CostTier)})"));
                foreach (var scheme in action.Schemes)
                {
                    var numbers = string.Join("; ", scheme.Numbers.Select(n => words.SchemeNumber(n)).Select(n => $"{n.Label}: {n.Value}"));
                    var text = $"{l["Support:"]} {MaturityWords.In(scheme.Name)}. {MaturityWords.In(scheme.Covers)}{(numbers.Length > 0 ? " " + numbers + "." : "")}";
                    if (scheme.Uncertain)
                    {
                        text += $" {l["Check first:"]} {MaturityWords.In(scheme.UncertainNote)}";
                    }

                    blocks.Add(new PdfBullet(text, Level: 2, Small: true));
                }
            }
        }

        blocks.Add(new PdfParagraph(l["Schemes are summaries to help you find support. Read the notified guidelines before you apply."], Small: true));
    }

    private void Progress(MaturityReport report, List<PdfBlock> blocks)
    {
        var l = words.L;
        var c = report.Case;
        blocks.Add(new PdfHeading(l["Your progress"]));
        if (report.Progress is not { } progress)
        {
            blocks.Add(new PdfParagraph(l["There is no earlier finished assessment to compare with. Take the assessment again in a year to see your progress."]));
            return;
        }

        var before = progress.Previous.Label;
        blocks.Add(new PdfParagraph(l["From {0} (finished {1}) to {2}:", before, Fmt.Date(progress.Previous.CompletedAt), c.Label]));
        foreach (var change in progress.Report.Dimensions.Prepend(progress.Report.Overall))
        {
            var name = change.Id == MaturityProgress.OverallId ? l["Overall"].Value : words.DimensionTitle(c.Instrument, change.Id);
            var band = words.BandChange(change.BandChange);
            // Words, not "→": the shipped Noto Sans has no arrows, and the PDF would show an empty box.
            var fromTo = l["{0} {1} to {2} {3}", before, MaturityWords.Number(change.Previous), c.Label, MaturityWords.Number(change.Current)];
            blocks.Add(new PdfRow(name, $"{fromTo} ({words.Change(change.Change)}{(band.Length > 0 ? ", " + band : "")})"));
        }
    }
}
