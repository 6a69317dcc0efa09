namespace HiTech.Web.Features.Introductions;

/// <summary>
/// GET/POST /introductions/send?need=&amp;provider=: the confirm page of an expression of interest, with an optional
/// note. An enterprise sends for its need to a provider; a provider offers help on an open need (?need= only).
/// </summary>
[Authorize]
public sealed class SendModel(SendIntroduction send) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "need")]
    public Guid? NeedId { get; set; }

    [BindProperty(SupportsGet = true, Name = "provider")]
    public Guid? ProviderId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IntroductionTarget? Target { get; private set; }

    public override IReadOnlyList<string> FieldOrder => [nameof(Note)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await send.ExecuteAsync(Current, new IntroductionRequest(NeedId!.Value, ProviderId, Note), cancellationToken);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        if (outcome.IsOk)
        {
            return Redirect($"/introductions/{outcome.Value!.Id}?done=sent");
        }

        ModelState.AddErrors(outcome, _ => nameof(Note));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (NeedId is null)
        {
            return NotFound();
        }

        var target = await send.TargetAsync(Current, NeedId.Value, ProviderId, cancellationToken);
        if (this.Refusal(target) is { } refused)
        {
            return refused;
        }

        if (!target.IsOk)
        {
            return NotFound();
        }

        Target = target.Value;
        return null;
    }
}
