using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>/enterprise/activities/{id}/remove: confirm, then remove an activity.</summary>
public sealed class RemoveModel(ReadOrganisation read, RemoveActivity remove, EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l) : EnterprisePage
{
    [BindProperty]
    public int Version { get; set; }

    public ActivityView Activity { get; private set; } = null!;

    public IReadOnlyList<StageOption> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Version = Activity.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        var outcome = await remove.RemoveAsync(Current, organisationId, id, Version, cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                SetFlash(l["Activity {0} is removed. Check that the other activities' shares still add up to 100%.", outcome.Value!.Code]);
                return LocalRedirect("/enterprise#activities");
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", outcome.Message ?? string.Join(" ", outcome.Errors.Values));
                if (outcome.Value is { } current)
                {
                    Activity = current;
                    ModelState.Remove(nameof(Version));
                    Version = current.Version;
                }

                return Page();
        }
    }

    private async Task<Guid?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation?.Activities.FirstOrDefault(a => a.Id == id) is not { } activity)
        {
            return null;
        }

        Activity = activity;
        Stages = await labels.StagesAsync(cancellationToken);
        return organisation.Id;
    }
}
