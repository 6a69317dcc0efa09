namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>/enterprise/units/{id}: change a unit; the form carries the version it was read at.</summary>
public sealed class EditModel(ReadOrganisation read, SaveUnit save, EnterpriseLabels labels, EnterpriseRules rules, IStringLocalizer<EnterprisesText> l)
    : UnitFormPage(labels, rules, l)
{
    [BindProperty]
    public int Version { get; set; }

    public UnitView Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Fill(Unit);
        Version = Unit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        // Amounts that are not numbers go to the handler as missing, so it refuses the save; their own message is shown.
        var (request, typing) = Read(Version);
        var outcome = await save.ExecuteAsync(Current, organisationId, id, request, cancellationToken);
        if (outcome.IsOk)
        {
            SetFlash(SavedMessage(outcome.Value!));
            return LocalRedirect("/enterprise#units");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        Saved = ShowRefusal(outcome, typing);
        if (Saved is { } current)
        {
            // The next save is against what is saved now; what the user typed stays in the form.
            ModelState.Remove(nameof(Version));
            Version = current.Version;
            Unit = current;
        }

        return Page();
    }

    /// <summary>The organisation's id if the unit belongs to the user's organisation; null (404) otherwise.</summary>
    private async Task<Guid?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation?.Units.FirstOrDefault(u => u.Id == id) is not { } unit)
        {
            return null;
        }

        Unit = unit;
        return organisation.Id;
    }
}
