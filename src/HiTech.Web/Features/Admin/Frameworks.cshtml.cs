using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin/frameworks: published versions; choose the one in force for new assessments.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class FrameworksModel(ManageFrameworks manage) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<FrameworkRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await manage.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostActivateAsync(Guid versionId, CancellationToken cancellationToken) =>
        await manage.ActivateAsync(versionId, Current, cancellationToken) ? Redirect("/admin/frameworks?done=activated") : NotFound();
}
