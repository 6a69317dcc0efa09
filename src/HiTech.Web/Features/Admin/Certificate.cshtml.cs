using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Admin;

/// <summary>GET/POST /admin/certificates/{id}: one certificate, and revoking it with a reason (audited).</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class CertificateModel(CertificateDocument documents, RevokeCertificate revoke, IStringLocalizer<AdminText> a) : FormPage
{
    public Certificate Certificate { get; private set; } = null!;

    public CertificatePayload? Payload { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        switch (await revoke.RunAsync(id, Reason, Current, cancellationToken))
        {
            case RevokeCertificate.Outcome.Revoked:
                return Redirect("/admin/certificates?done=revoked");
            case RevokeCertificate.Outcome.NotFound:
                return NotFound();
            case RevokeCertificate.Outcome.ReasonMissing:
                ModelState.AddModelError(nameof(Reason), a["Give the reason for revoking the certificate"]);
                break;
            case RevokeCertificate.Outcome.ReasonTooLong:
                ModelState.AddModelError(nameof(Reason), a["The reason must be {0} characters or fewer", RevokeCertificate.MaxReason]);
                break;
            default:
                ModelState.AddModelError("", a["This certificate is already revoked."]);
                break;
        }

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
