namespace HiTech.Web.Features.Maturity;

/// <summary>What the assessment input page says about where its digital maturity figure comes from.</summary>
public sealed record MaturitySource(MaturitySummary? Latest, decimal? Value)
{
    /// <summary>The figure is the latest finished maturity assessment's overall score.</summary>
    public bool Matches => Latest?.Overall is { } overall && Value == overall;
}

/// <summary>
/// A hint beside the <c>digital_maturity</c> input of an assessment: the figure came from the digital maturity
/// assessment (which one, its score), or the latest one scored differently, or there is none yet and how to get one.
/// Shown by the Assessments feature's input field: <c>Component.InvokeAsync("MaturitySource", new { assessmentId })</c>.
/// </summary>
[ViewComponent(Name = "MaturitySource")]
public sealed class MaturitySourceViewComponent(AppDbContext db, GetMaturity get) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid assessmentId)
    {
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => new { a.OrganisationId }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (assessment is null)
        {
            return Content("");
        }

        var value = await db.AssessmentInputs.AsNoTracking()
            .Where(i => i.AssessmentId == assessmentId && i.InputId == DigitalMaturityFlow.InputId)
            .Select(i => i.Number)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var latest = (await get.ListAsync(assessment.OrganisationId, HttpContext.RequestAborted))
            .Where(m => m.IsCompleted && m.Overall is not null)
            .OrderByDescending(m => m.CompletedAt!.Value.UtcTicks)
            .FirstOrDefault();
        return View("/Features/Maturity/_MaturitySource.cshtml", new MaturitySource(latest, value));
    }
}
