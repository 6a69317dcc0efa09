using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// The enterprise's assessments, newest year first, with their status and result, the certificate of each approved
/// one, and a way to start one.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class IndexModel(ListAssessments list, FrameworkStore frameworks, CertificateLinks certificates) : FormPage
{
    public IReadOnlyList<AssessmentSummary> Items { get; private set; } = [];

    public bool HasOrganisation => Current.OrganisationId is not null;

    /// <summary>Tier titles by framework version and tier id, for the results shown.</summary>
    public Dictionary<(string Framework, string Version, string Tier), LocalText> Tiers { get; } = [];

    /// <summary>The certificate in force of each approved assessment listed.</summary>
    public IReadOnlyDictionary<Guid, CertificateLink> Certificates { get; private set; } = new Dictionary<Guid, CertificateLink>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!HasOrganisation)
        {
            return;
        }

        (Items, _) = (await list.ExecuteAsync(Current, 1, ListAssessments.MaxPageSize, cancellationToken)).Value;
        Certificates = await certificates.ForAssessmentsAsync([.. Items.Where(i => i.Status == AssessmentStatus.Approved).Select(i => i.Id)], cancellationToken);
        foreach (var version in Items.Where(i => i.Result is not null).Select(i => (i.FrameworkId, i.FrameworkVersion)).Distinct())
        {
            var framework = await frameworks.GetAsync(version.FrameworkId, version.FrameworkVersion, cancellationToken);
            foreach (var tier in framework.Tiers)
            {
                Tiers[(version.FrameworkId, version.FrameworkVersion, tier.Id)] = tier.Definition.Title;
            }
        }
    }

    public string TierTitle(AssessmentSummary item) =>
        item.Result is { } r && Tiers.TryGetValue((item.FrameworkId, item.FrameworkVersion, r.Tier), out var title) ? AssessmentWords.In(title) : item.Result?.Tier ?? "";
}
