namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>/enterprise/register/done: confirmation, with what to do next.</summary>
public sealed class DoneModel(ReadOrganisation read) : EnterprisePage
{
    public OrganisationView Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        Organisation = organisation;
        return Page();
    }
}
