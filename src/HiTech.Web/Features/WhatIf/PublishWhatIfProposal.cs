using System.Text;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Publishes a finished run's proposal as a new framework version, for admins only, through the admin's own
/// publication (<see cref="Admin.PublishFramework"/>: the same validation, audit and "a version never changes"
/// rule), with the run attached so that the version links to its diff and simulation. Inactive until activated.
/// </summary>
public sealed class PublishWhatIfProposal(AppDbContext db, Admin.PublishFramework publish, IStringLocalizer<WhatIfText> l)
{
    public async Task<Outcome<FrameworkVersion>> ExecuteAsync(Guid runId, CurrentUser by, CancellationToken cancellationToken)
    {
        if (!by.IsAdmin)
        {
            return Outcome.Forbidden<FrameworkVersion>(l["Only an administrator can publish a framework version"]);
        }

        var run = await db.WhatIfRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return Outcome.NotFound<FrameworkVersion>();
        }

        if (run.Status != WhatIfRunStatus.Done)
        {
            return Outcome.Invalid<FrameworkVersion>("run", l["Only a finished simulation can be published"]);
        }

        using var yaml = new MemoryStream(Encoding.UTF8.GetBytes(run.ProposalYaml));
        return await publish.ExecuteAsync(yaml, run.ProposalName, by, cancellationToken, run.Id);
    }
}
