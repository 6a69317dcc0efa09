namespace HiTech.Web.Features.Needs;

/// <summary>/needs: the organisation's needs, newest first, with status and how many introductions each has had.</summary>
public sealed class IndexModel(ReadNeeds read, NeedWords words) : NeedsPage
{
    public IReadOnlyList<NeedView> Needs { get; private set; } = [];

    public NeedWords Words => words;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await read.MineAsync(Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        await words.LoadAsync(cancellationToken);
        Needs = outcome.Value!;
        return Page();
    }
}
