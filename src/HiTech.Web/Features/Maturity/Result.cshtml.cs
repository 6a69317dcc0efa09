using System.Globalization;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// The result and report of a maturity assessment: the six dimension scores and the overall with its band, a radar
/// chart with the peers' medians, the peer benchmark, the roadmap with its schemes, and progress since the last
/// finished assessment. While it is in progress it offers the deeper modules that fit the firm and a way to finish;
/// finishing enters the overall score in the organisation's open assessment.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class ResultModel(GetMaturity get, BuildMaturityReport build, CompleteMaturity complete, ApplyMaturityScore apply, MaturityWords words) : FormPage
{
    public MaturityReport Report { get; private set; } = null!;

    public MaturityCase Case => Report.Case;

    public RadarChart Chart { get; private set; } = null!;

    public bool Finished { get; private set; }

    public bool Applied { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool finished, bool applied, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other)
        {
            return other;
        }

        Finished = finished && Case.IsCompleted;
        Applied = applied && Case.IsCompleted;
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var version = int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var outcome = await complete.ExecuteAsync(Current, id, version, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.Value is { IsCompleted: true })
        {
            // Finished now, or already (a conflict carrying the finished case).
            return Redirect($"/maturity/{id}{(outcome.IsOk ? "?finished=true" : "")}");
        }

        if (await LoadAsync(id, cancellationToken) is { } other)
        {
            return other;
        }

        // Worded for this page: a stale version, or a short screen not answered yet.
        ModelState.AddModelError("", outcome.CurrentVersion is not null
            ? words.L["This assessment was changed at {0}, after you opened this page. Check the result below, then finish again.", Fmt.DateTime(Case.Entity.UpdatedAt)]
            : words.L["Answer the short screen before you finish."]);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await apply.ExecuteAsync(Current, id, cancellationToken);
        return this.Refusal(outcome) ?? Redirect($"/maturity/{id}{(outcome.Value is not null ? "?applied=true" : "")}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(found) is { } refused)
        {
            return refused;
        }

        var current = found.Value!;
        if (!current.IsCompleted && !current.ScreenComplete)
        {
            // Resume where the person left off.
            return Redirect($"/maturity/{id}/screen/{(current.FirstIncompleteStep ?? current.Steps[0]).Number}");
        }

        Report = await build.ExecuteAsync(current, cancellationToken);
        Chart = BuildChart(Report);
        return null;
    }

    /// <summary>The radar chart of a report: the dimensions' titles in the user's language, the scores and the peers' medians.</summary>
    public static RadarChart BuildChart(MaturityReport report, int wrap = 14) => RadarChart.Build(
        [.. report.Case.Instrument.Dimensions.Select(d => (MaturityWords.In(d.Title), report.Result.ScoreOf(d.Id), report.PeerMedian(d.Id)))],
        wrap);
}
