namespace HiTech.Web.Features.Needs;

/// <summary>
/// /provider/needs: the open needs the signed-in provider could serve, best first, with the reasons and "Offer help".
/// Public summaries only: what the enterprise keeps private opens only once it accepts an introduction.
/// </summary>
[Authorize(Policy = Roles.Provider)]
public sealed class ProviderNeedsModel(OpenNeedsForProvider open, NeedWords words) : FormPage
{
    public IReadOnlyList<OpenNeed> Needs { get; private set; } = [];

    public NeedWords Words => words;

    /// <summary>Why there is no list (the profile is not verified, or has expired), or null.</summary>
    public string? NotMatched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await open.ExecuteAsync(Current, cancellationToken);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            NotMatched = outcome.Message;
        }
        else if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        else
        {
            Needs = outcome.Value!;
        }

        await words.LoadAsync(cancellationToken);
        return Page();
    }
}
