namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin: where the administration pages start, and how the background jobs are doing.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class IndexModel(AppDbContext db, ListJobs jobs) : FormPage
{
    public int Users { get; private set; }

    public string? ActiveFramework { get; private set; }

    public int Certificates { get; private set; }

    public int Waiting { get; private set; }

    /// <summary>The background jobs: last run, next run, failures, queue.</summary>
    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await db.Users.CountAsync(cancellationToken);
        ActiveFramework = await db.FrameworkVersions.Where(f => f.Active).Select(f => f.FrameworkId + " " + f.Version).FirstOrDefaultAsync(cancellationToken);
        Certificates = await db.Certificates.CountAsync(cancellationToken);
        Waiting = await db.Assessments.CountAsync(a => a.Status == AssessmentStatus.Submitted, cancellationToken);
        Jobs = await jobs.ExecuteAsync(cancellationToken);
    }
}
