namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>
/// A page of the registration journey: one group of questions per page, answers kept in the draft cookie,
/// then check your answers. An owner who already has an organisation is sent to it.
/// </summary>
public abstract class RegistrationPage(EnterpriseAccess access, RegistrationDraftStore drafts) : EnterprisePage
{
    public const string CheckPage = "/enterprise/register/check";

    /// <summary>Came from a "Change" link on the check-your-answers page: go back there after saving.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    protected RegistrationDraft Draft { get; private set; } = new();

    /// <summary>Null when the user may go on; otherwise where to send them.</summary>
    protected async Task<IActionResult?> StartAsync(CancellationToken cancellationToken)
    {
        if (await access.OwnOrganisationAsync(Current, cancellationToken) is not null)
        {
            return LocalRedirect("/enterprise");
        }

        Draft = drafts.Read(HttpContext);
        return null;
    }

    protected IActionResult SaveAndGo(RegistrationDraft draft, string next)
    {
        drafts.Write(HttpContext, draft);
        return LocalRedirect(Change ? CheckPage : next);
    }

    protected void ClearDraft() => drafts.Clear(HttpContext);

    /// <summary>The first page whose questions are not answered yet, or null when all are.</summary>
    protected static string? FirstMissing(RegistrationDraft draft) =>
        !draft.HasDetails ? "/enterprise/register" : !draft.HasLocation ? "/enterprise/register/location" : !draft.HasSize ? "/enterprise/register/size" : null;
}
