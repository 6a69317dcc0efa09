namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Confirm, then remove a part of the user's organisation (a unit, an activity). The form carries the version read;
/// a refusal is shown above the question, with what is saved now when someone changed it meanwhile.
/// </summary>
public abstract class RemovePage<TEntity, TView>(ReadOrganisation read, RemovePart<TEntity, TView> remove) : EnterprisePage
    where TEntity : class
    where TView : class
{
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The part to remove, as saved now.</summary>
    protected TView Part { get; private set; } = null!;

    /// <summary>Where the part is listed, and where the page goes back to.</summary>
    protected abstract string ListedAt { get; }

    protected abstract TView? Find(OrganisationView organisation, Guid id);

    protected abstract int VersionOf(TView part);

    protected abstract string RemovedMessage(TView part);

    /// <summary>Anything else the page shows beside the part.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Version = VersionOf(Part);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        var outcome = await remove.ExecuteAsync(Current, organisationId, id, Version, cancellationToken);
        if (outcome.IsOk)
        {
            SetFlash(RemovedMessage(outcome.Value!));
            return LocalRedirect(ListedAt);
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        // The one question on the page: every message goes to the summary.
        ModelState.AddErrors(outcome, _ => "");
        if (outcome.Value is { } current)
        {
            Part = current;
            ModelState.Remove(nameof(Version));
            Version = VersionOf(current);
        }

        return Page();
    }

    /// <summary>The organisation's id if the part belongs to the user's organisation; null (404) otherwise.</summary>
    private async Task<Guid?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null || Find(organisation, id) is not { } part)
        {
            return null;
        }

        Part = part;
        await PrepareAsync(cancellationToken);
        return organisation.Id;
    }
}
