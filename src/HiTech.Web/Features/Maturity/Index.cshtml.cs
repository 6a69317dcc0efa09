namespace HiTech.Web.Features.Maturity;

/// <summary>The organisation's maturity assessments (T0, T1, ... newest first) and a way to start or continue one.</summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class IndexModel(GetMaturity get, MaturityReference reference) : FormPage
{
    public IReadOnlyList<MaturitySummary> Items { get; private set; } = [];

    public bool HasOrganisation => Current.OrganisationId is not null;

    public MaturitySummary? InProgress => Items.FirstOrDefault(i => !i.IsCompleted);

    public MaturityReference Reference => reference;

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        if (Current.OrganisationId is { } organisation)
        {
            Items = await get.ListAsync(organisation, cancellationToken);
        }
    }

    public string BandTitle(string? band) =>
        reference.Instrument.Scoring.Bands.FirstOrDefault(b => b.Id == band) is { } found ? MaturityWords.In(found.Title) : band ?? "";
}
