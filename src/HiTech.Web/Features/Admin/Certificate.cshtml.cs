using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Admin;

/// <summary>GET/POST /admin/certificates/{id}: one certificate, and revoking it with a reason (audited).</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class CertificateModel(CertificateDocument documents, RevokeCertificate revoke) : FormPage
{
    public Certificate Certificate { get; private set; } = null!;

    public CertificatePayload? Payload { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await revoke.ExecuteAsync(id, Reason, Current, cancellationToken);
        if (outcome.IsOk)
        {
            return Redirect("/admin/certificates?done=revoked");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddErrors(outcome, field => field == "reason" ? nameof(Reason) : field);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var certificate = await documents.FindAsync(id, Current, cancellationToken);
        if (certificate is null)
        {
            return false;
        }

        Certificate = certificate;
        Payload = CertificatePayload.TryParse(certificate.Payload);
        return true;
    }
}
