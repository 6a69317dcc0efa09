using HiTech.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Assessments;

/// <summary>Downloads an evidence document: the owner's organisation, an assessor who may see the assessment, or an admin.</summary>
[Authorize]
public sealed class DownloadModel(DownloadEvidence download) : FormPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var (access, file, content) = await download.ExecuteAsync(Current, id, fileId, cancellationToken);
        if (content is null)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }

        return File(content, file!.ContentType, file.FileName);
    }
}
