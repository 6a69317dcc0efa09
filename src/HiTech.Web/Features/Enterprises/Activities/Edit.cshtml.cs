using System.Globalization;

namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>/enterprise/activities/{id}: change an activity's stages and share; the form carries the version it was read at.</summary>
public sealed class EditModel(ReadOrganisation read, SaveActivity save, EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l)
    : ActivityFormPage(read, save, labels, l)
{
    [BindProperty]
    public int Version { get; set; }

    public Guid ActivityId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await Read.OwnAsync(Current, cancellationToken);
        if (organisation?.Activities.FirstOrDefault(a => a.Id == id) is not { } activity)
        {
            return NotFound();
        }

        ActivityId = id;
        await PrepareAsync(organisation.Id, activity.Code, id, cancellationToken);
        Stages = [.. activity.Stages];
        SharePercent = activity.RevenueSharePercent.ToString("0.##", CultureInfo.InvariantCulture);
        Version = activity.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await Read.OwnAsync(Current, cancellationToken);
        if (organisation?.Activities.FirstOrDefault(a => a.Id == id) is not { } activity)
        {
            return NotFound();
        }

        ActivityId = id;
        var typing = new Dictionary<string, string>(StringComparer.Ordinal);
        var share = ReadShare(typing);
        var outcome = await Save.ExecuteAsync(Current, organisation.Id, id, new ActivityRequest(null, Stages, share, Version), cancellationToken);
        if (outcome.IsOk)
        {
            SetFlash(await SavedMessageAsync(organisation.Id, outcome.Value!, cancellationToken));
            return LocalRedirect("/enterprise#activities");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        await PrepareAsync(organisation.Id, activity.Code, id, cancellationToken);
        Saved = ShowRefusal(outcome, typing);
        if (Saved is { } current)
        {
            // The next save is against what is saved now; what the user chose stays in the form.
            ModelState.Remove(nameof(Version));
            Version = current.Version;
        }

        return Page();
    }
}
