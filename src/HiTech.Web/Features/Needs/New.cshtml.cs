namespace HiTech.Web.Features.Needs;

/// <summary>
/// /needs/new: post a need. Pre-filled from ?from=roadmap:{maturity id}:{step} or ?from=plan:{assessment id}:{plan}
/// (only the user's own); the district is the organisation's unless changed.
/// </summary>
public sealed class NewModel(PostNeed post, NeedPrefill prefill, NeedWords words, AppDbContext db, IStringLocalizer<NeedsText> l) : NeedsPage
{
    [BindProperty]
    public string? HelpKind { get; set; }

    [BindProperty]
    public List<string> ProviderKinds { get; set; } = [];

    [BindProperty]
    public string? NicCode { get; set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public List<string> Certifications { get; set; } = [];

    [BindProperty]
    public string? BudgetBand { get; set; }

    [BindProperty]
    public string? Deadline { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? PrivateDetails { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public NeedWords Words => words;

    public override IReadOnlyList<string> FieldOrder =>
        [nameof(HelpKind), nameof(ProviderKinds), nameof(NicCode), nameof(Stage), nameof(Certifications), nameof(BudgetBand), nameof(Deadline), nameof(District), nameof(Summary), nameof(PrivateDetails), nameof(From)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await words.LoadAsync(cancellationToken);
        var organisation = Current.OrganisationId;
        var district = await db.Organisations.AsNoTracking().Where(o => o.Id == organisation).Select(o => o.District).SingleOrDefaultAsync(cancellationToken);
        if (district is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        District = words.Data.Districts.TryResolve(district, out var found) ? found.Id : null;
        if (From is not null)
        {
            var form = await prefill.FromAsync(Current, From, cancellationToken);
            if (form is null)
            {
                From = null;
            }
            else
            {
                (HelpKind, NicCode, Summary) = (form.HelpKind, form.NicCode, form.Summary);
            }
        }
        else
        {
            NicCode = await NeedPrefill.MainActivityAsync(db, organisation!.Value, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await post.ExecuteAsync(Current, new NeedForm(HelpKind, ProviderKinds, NicCode, Stage, Certifications, BudgetBand, Deadline, District, Summary, PrivateDetails, From), cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            Flash = l["Your need is posted. These are the providers best placed to help."];
            return LocalRedirect($"/needs/{outcome.Value!.Id}");
        }

        ModelState.AddErrors(outcome, field => char.ToUpperInvariant(field[0]) + field[1..]);
        await words.LoadAsync(cancellationToken);
        return Page();
    }
}
