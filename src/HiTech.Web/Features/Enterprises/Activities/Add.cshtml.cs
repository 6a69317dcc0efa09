namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>/enterprise/activities/add/{code}: the chosen NIC code's facts, its value-chain stages and share of revenue.</summary>
public sealed class AddModel(ReadOrganisation read, SaveActivity save, EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l)
    : ActivityFormPage(read, save, labels, l)
{
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var organisation = await Read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        if (Redirect(organisation, code) is { } elsewhere)
        {
            return elsewhere;
        }

        await PrepareAsync(organisation.Id, Code, null, cancellationToken);
        if (organisation.Activities.Count == 0)
        {
            SharePercent = "100";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var organisation = await Read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        if (Redirect(organisation, code) is { } elsewhere)
        {
            return elsewhere;
        }

        var typing = new Dictionary<string, string>(StringComparer.Ordinal);
        var share = ReadShare(typing);
        var outcome = await Save.ExecuteAsync(Current, organisation.Id, null, new ActivityRequest(Code, Stages, share, null), cancellationToken);
        if (outcome.IsOk)
        {
            SetFlash(await SavedMessageAsync(organisation.Id, outcome.Value!, cancellationToken));
            return LocalRedirect("/enterprise#activities");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        await PrepareAsync(organisation.Id, Code, null, cancellationToken);
        Saved = ShowRefusal(outcome, typing);
        return Page();
    }

    /// <summary>A code that cannot be an activity goes back to the search; one already added goes to its change page.</summary>
    private LocalRedirectResult? Redirect(OrganisationView organisation, string code)
    {
        Code = code.Trim();
        if (Save.CodeProblem(Code) is not null)
        {
            return LocalRedirect($"/enterprise/activities/find?q={Uri.EscapeDataString(Code)}");
        }

        return organisation.Activities.FirstOrDefault(a => a.Code == Code) is { } existing
            ? LocalRedirect($"/enterprise/activities/{existing.Id}")
            : null;
    }
}
