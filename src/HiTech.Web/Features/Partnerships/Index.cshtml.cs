using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Partnerships;

/// <summary>GET /partnerships: the partnerships the user follows (its side's; an officer's or admin's, all), a page at a time.</summary>
[Authorize]
public sealed class IndexModel(ListPartnerships list, PartnershipTerms terms) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PartnershipList List { get; private set; } = null!;

    public PartnershipTerms Terms => terms;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.ExecuteAsync(Current, PageNumber, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        List = outcome.Value!;
        return Page();
    }
}
