namespace HiTech.Web.Features.Admin;

/// <summary>GET/POST /admin/frameworks/upload: publish a framework YAML; every error is listed with line, column and rule, and nothing is stored.</summary>
[Authorize(Policy = Roles.Admin)]
[RequestSizeLimit(PublishFramework.MaxBytes + (64 * 1024))]
public sealed class UploadFrameworkModel(PublishFramework publish, IStringLocalizer<AdminText> a) : FormPage
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<FrameworkError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), a["Choose a framework YAML file"]);
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var outcome = await publish.ExecuteAsync(stream, Upload.FileName, Current, cancellationToken);
        if (!outcome.IsOk)
        {
            Errors = PublishFramework.ErrorsOf(outcome);
            ModelState.AddModelError(nameof(Upload), a["The framework has {0} errors and was not published. Nothing was stored.", Errors.Count]);
            return Page();
        }

        return Redirect("/admin/frameworks?done=published");
    }
}
