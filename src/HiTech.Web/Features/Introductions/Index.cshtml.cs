namespace HiTech.Web.Features.Introductions;

/// <summary>GET /introductions: the inbox of an enterprise's or a provider's introductions, received and sent, by status.</summary>
[Authorize]
public sealed class IndexModel(ListIntroductions list) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<IntroductionLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IntroductionStatus? only = Enum.TryParse<IntroductionStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var outcome = await list.ExecuteAsync(Current, only, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        Lines = outcome.Value!;
        return Page();
    }
}
