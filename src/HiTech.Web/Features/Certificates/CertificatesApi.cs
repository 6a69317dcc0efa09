using System.Text.Json.Serialization;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// /api/v1/certificates: anyone can check a certificate (by id, or a payload and signature they hold) and read
/// the public keys; the owner organisation, the assessor who approved it and admins read a certificate and its PDF; admins revoke.
/// </summary>
public static class CertificatesApi
{
    public sealed record Title([property: JsonPropertyName("en")] string En, [property: JsonPropertyName("ml")] string? Ml)
    {
        public static Title From(LocalText text) => new(text.En, string.IsNullOrEmpty(text.Ml) ? null : text.Ml);
    }

    /// <summary>What a certificate says (the signed payload's fields).</summary>
    public sealed record Details(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("udyam")] string Udyam,
        [property: JsonPropertyName("district")] string District,
        [property: JsonPropertyName("financial_year")] string FinancialYear,
        [property: JsonPropertyName("tier")] string Tier,
        [property: JsonPropertyName("tier_title")] Title TierTitle,
        [property: JsonPropertyName("index")] decimal Index,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("framework_version")] string FrameworkVersion,
        [property: JsonPropertyName("issued")] DateOnly Issued,
        [property: JsonPropertyName("key_id")] string KeyId)
    {
        public static Details From(CertificatePayload p) =>
            new(p.Id, p.Organisation, p.Udyam, p.District, p.FinancialYear, p.Tier, Title.From(p.TierTitle), p.Index, p.FrameworkId, p.FrameworkVersion, p.Issued, p.KeyId);
    }

    /// <summary>
    /// The check's answer: status valid, revoked or not-genuine; details only when the platform vouches for them, with
    /// the check code printed on the certificate beside its QR code.
    /// </summary>
    public sealed record Verification(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("certificate")] Details? Certificate,
        [property: JsonPropertyName("issued_at")] DateTimeOffset? IssuedAt,
        [property: JsonPropertyName("revoked_at")] DateTimeOffset? RevokedAt,
        [property: JsonPropertyName("revoked_reason")] string? RevokedReason,
        [property: JsonPropertyName("verify_url")] string? VerifyUrl,
        [property: JsonPropertyName("check_code")] string? CheckCode)
    {
        public static Verification From(CertificateCheck check, string? verifyUrl) => new(
            check.Status,
            check.Reason,
            check.Id,
            check.Payload is null ? null : Details.From(check.Payload),
            check.IssuedAt,
            check.RevokedAt,
            check.RevokedReason,
            check.Status == CertificateCheck.NotGenuine ? null : verifyUrl,
            check.CheckCode);
    }

    /// <summary>A certificate as its owner sees it: the signed payload and signature (to keep or pass on), its status and links.</summary>
    public sealed record CertificateResponse(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("assessment_id")] Guid AssessmentId,
        [property: JsonPropertyName("organisation_id")] Guid OrganisationId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
        [property: JsonPropertyName("revoked_at")] DateTimeOffset? RevokedAt,
        [property: JsonPropertyName("revoked_reason")] string? RevokedReason,
        [property: JsonPropertyName("payload")] string Payload,
        [property: JsonPropertyName("signature")] string Signature,
        [property: JsonPropertyName("key_id")] string KeyId,
        [property: JsonPropertyName("certificate")] Details? Certificate,
        [property: JsonPropertyName("verify_url")] string VerifyUrl,
        [property: JsonPropertyName("pdf_url")] string PdfUrl,
        [property: JsonPropertyName("check_code")] string? CheckCode);

    /// <summary>A certificate someone holds: the payload and signature, or the token embedded in the PDF's keywords.</summary>
    public sealed record PresentedCertificate(
        [property: JsonPropertyName("payload")] string? Payload,
        [property: JsonPropertyName("signature")] string? Signature,
        [property: JsonPropertyName("token")] string? Token);

    public sealed record RevokeRequest([property: JsonPropertyName("reason")] string? Reason);

    public sealed record PublicKeyResponse(
        [property: JsonPropertyName("key_id")] string KeyId,
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("public_key")] string PublicKey,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("active")] bool Active);

    public static void Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/certificates").WithTags("Certificates").AllowAnonymous();
        open.MapGet("/{id}/verify", VerifyByIdAsync)
            .WithSummary("Check a certificate by its id: valid, revoked (with date and reason) or not-genuine")
            .Produces<Verification>();
        open.MapPost("/verify", VerifyPresentedAsync)
            .WithSummary("Check a certificate someone holds: its payload and signature, or the token from the PDF's keywords")
            .WithDescription("A payload changed in any way, or a signature not made by the platform's key, answers not-genuine.")
            .Produces<Verification>()
            .ProducesValidationProblem();
        open.MapGet("/keys", KeysAsync)
            .WithSummary("The platform's Ed25519 public keys (base64url), to check certificates offline");

        var owner = api.MapGroup("/certificates").WithTags("Certificates").RequireApi(Roles.Enterprise, Roles.Assessor, Roles.Admin);
        owner.MapGet("/{id}", GetAsync)
            .WithSummary("A certificate of your organisation (the assessor who approved it and admins too), with its signed payload and signature")
            .Produces<CertificateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        owner.MapGet("/{id}/pdf", PdfAsync)
            .WithSummary("The certificate as a PDF (English and Malayalam, with a QR code to the public check)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/certificates/{id}/revoke", RevokeAsync)
            .WithTags("Certificates")
            .RequireApi(Roles.Admin)
            .WithSummary("Revoke a certificate (admins); the reason is shown to anyone who checks it")
            .Produces<Verification>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<Verification>> VerifyByIdAsync(string id, VerifyCertificate verify, CertificateDocument documents, HttpRequest request, CancellationToken cancellationToken)
    {
        var check = await verify.ByIdAsync(id, cancellationToken);
        return TypedResults.Ok(Verification.From(check, check.Id is null ? null : documents.VerifyUrl(request, check.Id)));
    }

    private static async Task<Results<Ok<Verification>, ValidationProblem>> VerifyPresentedAsync(
        PresentedCertificate body, VerifyCertificate verify, CertificateDocument documents, HttpRequest request, CancellationToken cancellationToken)
    {
        string? payload = body.Payload;
        string? signature = body.Signature;
        if (string.IsNullOrWhiteSpace(payload) && !string.IsNullOrWhiteSpace(body.Token))
        {
            if (CertificateSheet.FromEmbedded(body.Token) is not { } embedded)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The token is not a certificate token (base64url payload, a dot, the signature)."] });
            }

            (payload, signature) = embedded;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(payload))
        {
            errors["payload"] = ["Give the certificate's payload (the signed JSON) with its signature, or the token from the PDF."];
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            errors["signature"] = ["Give the certificate's signature (base64url)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var check = await verify.PresentedAsync(payload, signature, cancellationToken);
        return TypedResults.Ok(Verification.From(check, check.Id is null ? null : documents.VerifyUrl(request, check.Id)));
    }

    private static async Task<Ok<PublicKeyResponse[]>> KeysAsync(CertificateSigner signer, CancellationToken cancellationToken) =>
        TypedResults.Ok((await signer.PublicKeysAsync(cancellationToken)).Select(k => new PublicKeyResponse(k.Id, "Ed25519", k.PublicKey, k.CreatedAt, k.Active)).ToArray());

    private static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, CertificateDocument documents, CancellationToken cancellationToken)
    {
        var certificate = await documents.FindAsync(id, CurrentUser.From(context.User), cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        var payload = CertificatePayload.TryParse(certificate.Payload);
        return TypedResults.Ok(new CertificateResponse(
            certificate.Id,
            certificate.AssessmentId,
            certificate.OrganisationId,
            certificate.RevokedAt is null ? CertificateCheck.Valid : CertificateCheck.Revoked,
            certificate.IssuedAt,
            certificate.RevokedAt,
            certificate.RevokedReason,
            certificate.Payload,
            certificate.Signature,
            certificate.KeyId,
            payload is null ? null : Details.From(payload),
            documents.VerifyUrl(context.Request, certificate.Id),
            CertificateLink.PdfUrlOf(certificate.Id),
            CertificateCheckCode.Of(certificate.Signature)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string id, HttpContext context, CertificateDocument documents, CancellationToken cancellationToken)
    {
        var certificate = await documents.FindAsync(id, CurrentUser.From(context.User), cancellationToken);
        return certificate is null
            ? NotFound()
            : TypedResults.File(documents.Render(certificate, documents.VerifyUrl(context.Request, certificate.Id)), "application/pdf", CertificateDocument.FileName(certificate));
    }

    private static async Task<Results<Ok<Verification>, ProblemHttpResult>> RevokeAsync(
        string id, RevokeRequest body, HttpContext context, RevokeCertificate revoke, VerifyCertificate verify, CertificateDocument documents, CancellationToken cancellationToken)
    {
        var outcome = await revoke.ExecuteAsync(id, body.Reason, CurrentUser.From(context.User), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Problem();
        }

        // The answer is what anyone checking it now is told (from the primary, which has the revocation already).
        var check = await verify.ByIdAfterOwnWriteAsync(id, cancellationToken);
        return TypedResults.Ok(Verification.From(check, check.Id is null ? null : documents.VerifyUrl(context.Request, check.Id)));
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such certificate.");

    /// <summary>The status word of a stored certificate (not re-checking its signature).</summary>
    public static string StatusOf(Certificate certificate) => certificate.RevokedAt is null ? CertificateCheck.Valid : CertificateCheck.Revoked;
}
