namespace HiTech.Web.Features.Assessments;

/// <summary>Downloads an evidence document: the owner's organisation, the assessor it is assigned to, or an admin.</summary>
[Authorize]
public sealed class DownloadModel(DownloadEvidence download) : FormPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var found = await download.ExecuteAsync(Current, id, fileId, cancellationToken);
        return this.Refusal(found) ?? File(found.Value.Content, found.Value.File.ContentType, found.Value.File.FileName);
    }
}
