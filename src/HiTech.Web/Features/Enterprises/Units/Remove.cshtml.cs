using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>/enterprise/units/{id}/remove: confirm, then remove a unit (not the last one).</summary>
public sealed class RemoveModel(ReadOrganisation read, RemoveUnit remove, IStringLocalizer<EnterprisesText> l) : EnterprisePage
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

        Version = Unit.Version;
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
                SetFlash(l["{0} is removed.", outcome.Value!.Name]);
                return LocalRedirect("/enterprise#units");
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", outcome.Message ?? string.Join(" ", outcome.Errors.Values));
                if (outcome.Value is { } current)
                {
                    Unit = current;
                    ModelState.Remove(nameof(Version));
                    Version = current.Version;
                }

                return Page();
        }
    }

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
