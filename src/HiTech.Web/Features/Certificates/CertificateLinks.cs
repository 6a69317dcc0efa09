namespace HiTech.Web.Features.Certificates;

/// <summary>A certificate to link to from another page: its id, its assessment and year, and where its PDF is.</summary>
public sealed record CertificateLink(string Id, Guid AssessmentId, int Year)
{
    public string PdfUrl => PdfUrlOf(Id);

    public static string PdfUrlOf(string id) => $"/certificates/{id}.pdf";
}

/// <summary>
/// The certificates' public read for other features' pages (the result page, the assessments list, the enterprise
/// page): the newest certificate in force (not revoked) per assessment. The caller has already checked the user may
/// read those assessments; <see cref="AssessmentPolicy.MayDownloadCertificate"/> says who may have the PDF.
/// </summary>
public sealed class CertificateLinks(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, CertificateLink>> ForAssessmentsAsync(IReadOnlyCollection<Guid> assessmentIds, CancellationToken cancellationToken)
    {
        if (assessmentIds.Count == 0)
        {
            return new Dictionary<Guid, CertificateLink>();
        }

        var rows = await db.Certificates.AsNoTracking()
            .Where(c => assessmentIds.Contains(c.AssessmentId) && c.RevokedAt == null)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { c.Id, c.AssessmentId, c.IssuedAt, a.Year })
            .ToListAsync(cancellationToken);

        // Dates are compared in memory: SQLite cannot order by DateTimeOffset.
        return rows.GroupBy(r => r.AssessmentId)
            .Select(g => g.OrderByDescending(r => r.IssuedAt).First())
            .ToDictionary(r => r.AssessmentId, r => new CertificateLink(r.Id, r.AssessmentId, r.Year));
    }

    /// <summary>An organisation's certificates in force, newest financial year first (one per approved assessment).</summary>
    public async Task<IReadOnlyList<CertificateLink>> ForOrganisationAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Status == AssessmentStatus.Approved)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. (await ForAssessmentsAsync(assessments, cancellationToken)).Values.OrderByDescending(l => l.Year)];
    }
}

/// <summary>The model of <c>_DownloadLink.cshtml</c>: which certificate, and whether the reader owns it ("your certificate").</summary>
public sealed record CertificateDownload(CertificateLink Link, bool Own)
{
    /// <summary>The partial's path, for other features' pages.</summary>
    public const string Partial = "/Features/Certificates/_DownloadLink.cshtml";
}
