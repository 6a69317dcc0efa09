namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin/frameworks: published versions; choose the one in force for new assessments.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class FrameworksModel(ListFrameworkVersions list, ActivateFramework activate) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<FrameworkRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await list.ExecuteAsync(cancellationToken);

    public async Task<IActionResult> OnPostActivateAsync(Guid versionId, CancellationToken cancellationToken) =>
        this.Refusal(await activate.ExecuteAsync(versionId, Current, cancellationToken)) ?? Redirect("/admin/frameworks?done=activated");
}
