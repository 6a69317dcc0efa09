namespace HiTech.Web.Features.Error;

/// <summary>Plain-words error pages; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => (t["Page not found"], t["If you typed the web address, check it is correct."]),
            403 => (t["You cannot see this page"], t["Your account does not give access to this page."]),
            429 => (t["Too many attempts"], t["Please wait a minute and try again."]),
            400 => (t["Sorry, that did not work"], t["The form may have expired. Go back, reload the page and try again."]),
            _ => (t["Sorry, there is a problem with the service"], t["Please try again later. Nothing you saved has been lost."]),
        };
    }
}
