namespace HiTech.Web.Features.Certificates;

/// <summary>GET /verify: type a certificate id to check it (a GET form, so it works without JavaScript and can be bookmarked).</summary>
[AllowAnonymous]
public sealed class VerifyModel(IStringLocalizer<CertificatesText> c) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public IActionResult OnGet()
    {
        // A first visit shows the form; a submitted form (?id=...) is checked, an empty one refused in words.
        if (!Request.Query.ContainsKey("id"))
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Id))
        {
            ModelState.AddModelError(nameof(Id), c["Enter the certificate ID"]);
            return Page();
        }

        if (CertificateIds.Normalise(Id) is not { } id)
        {
            ModelState.AddModelError(nameof(Id), c["A certificate ID has 26 letters and digits, like ABCDEFGHIJKLMNOPQRSTUVWXYZ"]);
            return Page();
        }

        return Redirect($"/verify/{id}");
    }
}
