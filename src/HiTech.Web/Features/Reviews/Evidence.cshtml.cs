using Microsoft.Net.Http.Headers;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// GET /reviews/evidence/{fileId}: one evidence file shown in the browser (PDF, PNG, JPEG, with the type its
/// content proved at upload and Content-Disposition: inline). Only for the assigned assessor, the owning
/// organisation and admins; anyone else gets 404.
/// </summary>
[Authorize]
public sealed class EvidenceModel(GetEvidenceFile evidence) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var found = await evidence.ExecuteAsync(fileId, CurrentUser.From(User), cancellationToken);
        if (this.Refusal(found) is { } refusal)
        {
            return refusal;
        }

        var (file, content) = found.Value;
        var inline = GetEvidenceFile.IsViewable(file.ContentType);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "private, no-cache";
        return File(content, inline ? file.ContentType : "application/octet-stream");
    }
}
