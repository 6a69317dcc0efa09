namespace HiTech.Web.Features.Enterprises;

/// <summary>/enterprise: the Enterprise user's home. Without an organisation yet, it sends them to register one.</summary>
public sealed class IndexModel(ReadOrganisation read, EnterpriseLabels labels) : EnterprisePage
{
    public OrganisationView Organisation { get; private set; } = null!;

    public IReadOnlyList<StageOption> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        Organisation = organisation;
        Stages = await labels.StagesAsync(cancellationToken);
        ReadFlash();
        return Page();
    }
}
