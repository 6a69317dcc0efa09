using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Admin;

/// <summary>One certificate in the admin list.</summary>
public sealed record CertificateRow(string Id, string Organisation, string Udyam, string Tier, string FinancialYear, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);

/// <summary>GET /admin/certificates: find certificates by id, enterprise name or Udyam number; open one to revoke it.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class CertificatesModel(AppDbContext db) : FormPage
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<CertificateRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = from c in db.Certificates.AsNoTracking()
                    join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                    select new { c.Id, c.Payload, c.IssuedAt, c.RevokedAt, o.Name, o.UdyamNumber };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            var id = CertificateIds.Normalise(term);
            var udyam = term.ToUpperInvariant();
            query = query.Where(c => c.Id == id || c.Name.Contains(term) || c.UdyamNumber == udyam);
        }

        // Newest first, sorted here: SQLite cannot order by DateTimeOffset.
        var keys = await query.Select(c => new { c.Id, c.IssuedAt }).ToListAsync(cancellationToken);
        Total = keys.Count;
        var newest = keys.OrderByDescending(k => k.IssuedAt).Take(Shown).Select(k => k.Id).ToList();
        var rows = await query.Where(c => newest.Contains(c.Id)).ToListAsync(cancellationToken);
        Rows = [.. rows
            .Select(r => (Row: r, Payload: CertificatePayload.TryParse(r.Payload)))
            .Select(x => new CertificateRow(x.Row.Id, x.Row.Name, x.Row.UdyamNumber, x.Payload?.TierTitle.In(Infrastructure.Localization.Language.Current) ?? "", x.Payload?.FinancialYear ?? "", x.Row.IssuedAt, x.Row.RevokedAt))
            .OrderByDescending(r => r.IssuedAt)];
    }
}
