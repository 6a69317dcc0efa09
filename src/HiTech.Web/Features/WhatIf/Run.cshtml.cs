namespace HiTech.Web.Features.WhatIf;

/// <summary>GET /analytics/what-if/{id}: a run's progress, then its report and the proposal's changes; POST publishes the proposal (admins only).</summary>
[Authorize(Policy = Roles.Analyst)]
public sealed class RunModel(GetWhatIfRun get, PublishWhatIfProposal publish) : FormPage
{
    public GetWhatIfRun.RunView View { get; private set; } = null!;

    public IReadOnlyList<FrameworkError> PublishErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await publish.ExecuteAsync(id, Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (!outcome.IsOk)
        {
            PublishErrors = Admin.PublishFramework.ErrorsOf(outcome);
            ModelState.AddErrors(outcome, _ => "Publish");
            return await ShowAsync(id, cancellationToken);
        }

        return Redirect($"/analytics/what-if/{id}?done=published");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await get.ExecuteAsync(id, Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        View = outcome.Value!;
        return Page();
    }
}
