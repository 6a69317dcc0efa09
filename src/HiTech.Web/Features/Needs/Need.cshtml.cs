namespace HiTech.Web.Features.Needs;

/// <summary>
/// /needs/{id}: one of the organisation's needs and its top 10 providers, each with its reasons in the user's language,
/// a link to its public profile and "Send an expression of interest"; an open need can be closed or withdrawn here.
/// </summary>
public sealed class NeedModel(MatchNeed match, ChangeNeedStatus change, NeedWords words) : NeedsPage
{
    public NeedView Need { get; private set; } = null!;

    public IReadOnlyList<FoundProvider> Matches { get; private set; } = [];

    public NeedWords Words => words;

    /// <summary>Set when closing or withdrawing was refused (someone changed the need first).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, int? version, CancellationToken cancellationToken)
    {
        var outcome = await change.ExecuteAsync(Current, id, status, version, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            await words.LoadAsync(cancellationToken);
            Flash = outcome.Value!.Status == NeedStatus.Closed ? words.L["The need is closed. Providers no longer see it."] : words.L["The need is withdrawn. Providers no longer see it."];
            return LocalRedirect("/needs");
        }

        Problem = outcome.Message ?? outcome.Errors.Values.SelectMany(m => m).FirstOrDefault();
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await match.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        await words.LoadAsync(cancellationToken);
        (Need, Matches) = outcome.Value;
        return Page();
    }
}
