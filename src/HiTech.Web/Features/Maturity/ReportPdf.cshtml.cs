namespace HiTech.Web.Features.Maturity;

/// <summary>GET /maturity/{id}/report.pdf: the report as a PDF in the user's language, for the organisation's own users (others: 404).</summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class ReportPdfModel(GetMaturity get, BuildMaturityReport build, MaturityReportDocument document, MaturityPdf pdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(CurrentUser.From(User), id, cancellationToken);
        if (this.Refusal(found) is { } refused)
        {
            return refused;
        }

        var current = found.Value!;
        var report = await build.ExecuteAsync(current, cancellationToken);
        Response.Headers.CacheControl = "private, no-cache";
        return File(pdf.Render(document.Build(report)), "application/pdf", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"digital-maturity-{current.Label}-{current.Entity.CreatedAt.UtcDateTime:yyyy-MM-dd}.pdf"));
    }
}
