namespace HiTech.Web.Features.Introductions;

/// <summary>GET /introductions/overdue: the partnerships officers' queue of unanswered introductions past their due date.</summary>
[Authorize(Policy = Roles.PartnershipsOfficer)]
public sealed class OverdueModel(GetOverdueIntroductions overdue) : FormPage
{
    public IReadOnlyList<OverdueLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await overdue.ExecuteAsync(Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        Lines = outcome.Value!;
        return Page();
    }
}
