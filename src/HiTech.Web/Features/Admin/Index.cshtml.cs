namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin: where the administration pages start.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class IndexModel(AppDbContext db) : FormPage
{
    public int Users { get; private set; }

    public string? ActiveFramework { get; private set; }

    public int Certificates { get; private set; }

    public int Waiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await db.Users.CountAsync(cancellationToken);
        ActiveFramework = await db.FrameworkVersions.Where(f => f.Active).Select(f => f.FrameworkId + " " + f.Version).FirstOrDefaultAsync(cancellationToken);
        Certificates = await db.Certificates.CountAsync(cancellationToken);
        Waiting = await db.Assessments.CountAsync(a => a.Status == AssessmentStatus.Submitted, cancellationToken);
    }
}
