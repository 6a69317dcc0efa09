using HiTech.Core.Maturity;
using HiTech.Core.Reference;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;

namespace HiTech.Web.Features.Maturity;

public enum MaturityStartStatus
{
    Started,

    /// <summary>Not the user's organisation (or none): answered as 404.</summary>
    NotFound,

    /// <summary>Something the profile needs is not known and was not given: <see cref="MaturityStartOutcome.Missing"/> names it.</summary>
    NeedsProfile,

    /// <summary>The answers given with the start were refused; nothing was created.</summary>
    Invalid,

    /// <summary>An assessment is already in progress (<see cref="MaturityStartOutcome.Id"/>): finish it first.</summary>
    InProgress,
}

/// <summary>What a start did. <see cref="Missing"/> holds profile field names (employees, manufacturing, size).</summary>
public sealed record MaturityStartOutcome(MaturityStartStatus Status, Guid? Id = null, IReadOnlyList<string>? Missing = null, IReadOnlyList<MaturityAnswerError>? Errors = null);

/// <summary>Profile values a person (or an API caller) gives; each takes the place of what the platform knows.</summary>
public sealed record ProfileEntry(int? Employees = null, bool? Manufacturing = null, MsmeSize? Size = null);

/// <summary>
/// Starts a maturity assessment with a snapshot of the firm's profile (<see cref="FirmFacts"/>, with what the person
/// gave where the platform does not know it), under the instrument in force, optionally with answers already.
/// One at a time: while one is in progress, that one is the one to continue.
/// </summary>
public sealed class StartMaturity(AppDbContext db, ReadFirm firms, GetMaturity get, MaturityReference reference, AuditLog audit, TimeProvider clock)
{
    public const int MaxEmployees = 1_000_000;

    public async Task<MaturityStartOutcome> ExecuteAsync(CurrentUser user, Guid organisationId, ProfileEntry given, MaturityAnswers? answers, CancellationToken cancellationToken)
    {
        if (!user.OwnsOrganisation(organisationId) || await firms.ExecuteAsync(organisationId, cancellationToken) is not { } firm)
        {
            return new MaturityStartOutcome(MaturityStartStatus.NotFound);
        }

        var missing = new List<string>();
        var employees = given.Employees ?? firm.Employees;
        var manufacturing = given.Manufacturing ?? firm.Manufacturing;
        var size = given.Size ?? firm.Size;
        if (employees is null or < 0 or > MaxEmployees)
        {
            missing.Add("employees");
        }

        if (manufacturing is null)
        {
            missing.Add("manufacturing");
        }

        if (size is null)
        {
            missing.Add("size");
        }

        if (missing.Count > 0)
        {
            return new MaturityStartOutcome(MaturityStartStatus.NeedsProfile, Missing: missing);
        }

        var instrument = reference.Instrument;
        var profile = new MaturityProfile(employees!.Value, manufacturing!.Value, size!.Value);
        answers ??= MaturityAnswers.Empty;
        var errors = MaturityScorer.Validate(instrument, profile, answers);
        if (errors.Count > 0)
        {
            return new MaturityStartOutcome(MaturityStartStatus.Invalid, Errors: errors);
        }

        if (await get.InProgressAsync(organisationId, cancellationToken) is { } open)
        {
            return new MaturityStartOutcome(MaturityStartStatus.InProgress, open.Id);
        }

        var now = clock.GetUtcNow();
        var entity = new MaturityAssessment
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            InstrumentId = instrument.Id,
            InstrumentVersion = instrument.Version,
            ProfileJson = MaturityRecords.WriteProfile(profile),
            CreatedAt = now,
            UpdatedAt = now,
        };
        MaturityRecords.Store(entity, instrument, profile, answers, MaturityScorer.Score(instrument, profile, answers));
        db.MaturityAssessments.Add(entity);
        audit.Record(user, nameof(MaturityAssessment), entity.Id.ToString(), AuditAction.StartMaturity, null, new { organisation = organisationId, instrument = instrument.Reference, profile = MaturityRecords.WriteProfile(profile) });
        await db.SaveChangesAsync(cancellationToken);
        return new MaturityStartOutcome(MaturityStartStatus.Started, entity.Id);
    }
}
