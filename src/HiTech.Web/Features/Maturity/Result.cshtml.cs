using System.Globalization;
using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Localization;
using HiTech.Web.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// The result and report of a maturity assessment: the six dimension scores and the overall with its band, a radar
/// chart with the peers' medians, the peer benchmark, the roadmap with its schemes, and progress since the last
/// finished assessment. While it is in progress it offers the deeper modules that fit the firm and a way to finish;
/// finishing enters the overall score in the organisation's open assessment.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class ResultModel(GetMaturity get, BuildMaturityReport build, CompleteMaturity complete, MaturityWords words) : FormPage
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
        switch (outcome.Status)
        {
            case CompleteStatus.Completed:
                return Redirect($"/maturity/{id}?finished=true");
            case CompleteStatus.AlreadyCompleted:
                return Redirect($"/maturity/{id}");
            case CompleteStatus.NotFound:
                return NotFound();
            case CompleteStatus.Forbidden:
                return Forbid();
        }

        if (await LoadAsync(id, cancellationToken) is { } other)
        {
            return other;
        }

        ModelState.AddModelError("", outcome.Status == CompleteStatus.Stale
            ? words.L["This assessment was changed at {0}, after you opened this page. Check the result below, then finish again.", Fmt.DateTime(Case.Entity.UpdatedAt)]
            : words.L["Answer the short screen before you finish."]);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (found.Value is null)
        {
            return found.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }

        var target = await complete.ApplyAsync(Current, id, cancellationToken);
        return Redirect($"/maturity/{id}{(target is not null ? "?applied=true" : "")}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (found.Value is not { } current)
        {
            return found.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }

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
