using HiTech.Core.Scoring;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Queues a what-if run, for analysts and admins: the proposal file is validated exactly as a publication is
/// (<see cref="FrameworkUpload"/>: every error with line, column and rule, and nothing queued if there is one),
/// and compared with the version of the same framework in force now.
/// </summary>
public sealed class StartWhatIf(AppDbContext db, ActivityClassifier classifier, TimeProvider clock, IStringLocalizer<WhatIfText> l)
{
    /// <summary>The problem member that lists a refused proposal's errors, each with its place and rule.</summary>
    public const string ErrorsMember = "frameworkErrors";

    public static IReadOnlyList<FrameworkError> ErrorsOf(Outcome<WhatIfRun> outcome) =>
        outcome.Extensions.TryGetValue(ErrorsMember, out var errors) && errors is IReadOnlyList<FrameworkError> list ? list : [];

    public async Task<Outcome<WhatIfRun>> ExecuteAsync(Stream proposal, string fileName, int year, CurrentUser by, CancellationToken cancellationToken)
    {
        if (!by.IsAnalyst && !by.IsAdmin)
        {
            return Outcome.Forbidden<WhatIfRun>(l["Only analysts and administrators can run a what-if"]);
        }

        if (year is < 2000 or > 2100)
        {
            return Outcome.Invalid<WhatIfRun>("year", l["Give the assessment year as four digits, for example 2026"]);
        }

        var upload = await FrameworkUpload.ReadAsync(proposal, fileName, classifier, cancellationToken);
        if (upload.Framework is not { } framework)
        {
            return Outcome.Invalid<WhatIfRun>(new Dictionary<string, string[]> { ["file"] = [.. upload.Errors.Select(e => e.ToString())] })
                with
            { Extensions = new Dictionary<string, object?> { [ErrorsMember] = upload.Errors } };
        }

        var baseline = await db.FrameworkVersions.AsNoTracking()
            .Where(f => f.FrameworkId == framework.Id && f.Active)
            .Select(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (baseline is null)
        {
            return Outcome.Invalid<WhatIfRun>("file", l["The proposal is for framework {0}, which has no version in force to compare it with", framework.Id]);
        }

        var run = new WhatIfRun
        {
            Id = Guid.NewGuid(),
            RequestedBy = by.RequiredId,
            ProposalName = upload.FileName,
            ProposalFrameworkId = framework.Id,
            ProposalVersion = framework.Version,
            ProposalYaml = upload.Yaml,
            BaselineVersion = baseline,
            Population = WhatIfPopulations.ApprovedAssessments,
            Year = year,
            Status = WhatIfRunStatus.Queued,
            CreatedAt = clock.GetUtcNow(),
        };
        db.WhatIfRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(run);
    }
}
