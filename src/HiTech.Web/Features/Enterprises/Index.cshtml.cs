using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// /enterprise: the Enterprise user's home, with its certificates to download. Without an organisation yet, it sends
/// them to register one.
/// </summary>
public sealed class IndexModel(ReadOrganisation read, EnterpriseLabels labels, CertificateLinks certificates) : EnterprisePage
{
    public OrganisationView Organisation { get; private set; } = null!;

    public IReadOnlyList<StageOption> Stages { get; private set; } = [];

    /// <summary>The organisation's certificates in force, newest financial year first.</summary>
    public IReadOnlyList<CertificateLink> Certificates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        Organisation = organisation;
        Stages = await labels.StagesAsync(cancellationToken);
        Certificates = await certificates.ForOrganisationAsync(organisation.Id, cancellationToken);
        ReadFlash();
        return Page();
    }
}
