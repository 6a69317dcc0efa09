using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

public enum StartStatus
{
    Started,

    /// <summary>The organisation already has an assessment for that year under this framework (one per year).</summary>
    Exists,

    /// <summary>Not a completed financial year the platform assesses.</summary>
    BadYear,

    /// <summary>Not the user's organisation (or none): 404.</summary>
    NotFound,
}

public sealed record StartOutcome(StartStatus Status, Guid? AssessmentId);

/// <summary>
/// Starts an assessment for a completed financial year under the framework version active today, which the
/// assessment keeps for ever: a later version never changes how an existing assessment is asked or scored.
/// </summary>
public sealed class StartAssessment(AppDbContext db, FrameworkStore frameworks, AuditLog audit, TimeProvider clock)
{
    /// <summary>The earliest financial year that can be assessed.</summary>
    public const int FirstYear = 2015;

    /// <summary>Years offered on the start page: the last completed one and the four before it.</summary>
    public const int YearsOffered = 5;

    public int LastCompletedYear => AssessmentAccess.LastCompletedYear(clock.GetUtcNow());

    /// <summary>The years offered that the organisation has no assessment for yet under the active framework.</summary>
    public async Task<IReadOnlyList<int>> FreeYearsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var last = LastCompletedYear;
        var taken = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.FrameworkId == FrameworkStore.DefaultFrameworkId && a.Year > last - YearsOffered)
            .Select(a => a.Year)
            .ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, YearsOffered).Select(k => last - k).Where(y => !taken.Contains(y))];
    }

    public async Task<StartOutcome> ExecuteAsync(CurrentUser user, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        if (!user.OwnsOrganisation(organisationId) || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return new StartOutcome(StartStatus.NotFound, null);
        }

        if (year < FirstYear || year > LastCompletedYear)
        {
            return new StartOutcome(StartStatus.BadYear, null);
        }

        var framework = await frameworks.ActiveAsync(cancellationToken);
        var existing = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Year == year && a.FrameworkId == framework.Id)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new StartOutcome(StartStatus.Exists, existing);
        }

        var now = clock.GetUtcNow();
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Year = year,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Assessments.Add(assessment);
        audit.Record(user, nameof(Assessment), assessment.Id.ToString(), AuditAction.Start, null, new { organisationId, year, framework = framework.Id, version = framework.Version });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two starts for the same year at once: the unique index keeps one; point at it.
            db.ChangeTracker.Clear();
            var winner = await db.Assessments.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Year == year && a.FrameworkId == framework.Id)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new StartOutcome(StartStatus.Exists, winner);
        }

        return new StartOutcome(StartStatus.Started, assessment.Id);
    }
}
