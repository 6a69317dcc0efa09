namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>/enterprise/units/add: add a unit to the organisation.</summary>
public sealed class AddModel(ReadOrganisation read, SaveUnit save, EnterpriseLabels labels, EnterpriseRules rules, IStringLocalizer<EnterprisesText> l)
    : UnitFormPage(labels, rules, l)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await read.OwnAsync(Current, cancellationToken) is null ? LocalRedirect("/enterprise/register") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        var (request, typing) = Read(null);
        var outcome = await save.ExecuteAsync(Current, organisation.Id, null, request, cancellationToken);
        if (outcome.IsOk && typing.Count == 0)
        {
            SetFlash(SavedMessage(outcome.Value!));
            return LocalRedirect("/enterprise#units");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        Saved = ShowRefusal(outcome, typing);
        return Page();
    }
}
