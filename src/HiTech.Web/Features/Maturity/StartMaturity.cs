using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Maturity;

/// <summary>Profile values a person (or an API caller) gives; each takes the place of what the platform knows.</summary>
public sealed record ProfileEntry(int? Employees = null, bool? Manufacturing = null, MsmeSize? Size = null);

/// <summary>
/// Starts a maturity assessment with a snapshot of the firm's profile (<see cref="FirmFacts"/>, with what the person
/// gave where the platform does not know it), under the instrument in force, optionally with answers already.
/// One at a time: while one is in progress, that one is the one to continue (a conflict carrying it).
/// </summary>
public sealed class StartMaturity(AppDbContext db, ReadFirm firms, GetMaturity get, MaturityReference reference, MaturityWords words, AuditLog audit, TimeProvider clock)
{
    public const int MaxEmployees = 1_000_000;

    public async Task<Outcome<MaturityCase>> ExecuteAsync(CurrentUser user, Guid organisationId, ProfileEntry given, MaturityAnswers? answers, CancellationToken cancellationToken)
    {
        if (!user.OwnsOrganisation(organisationId) || await firms.ExecuteAsync(organisationId, cancellationToken) is not { } firm)
        {
            return Outcome.NotFound<MaturityCase>(words.L["No such organisation"]);
        }

        // What the profile needs and neither the platform knows nor the caller gave.
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var employees = given.Employees ?? firm.Employees;
        var manufacturing = given.Manufacturing ?? firm.Manufacturing;
        var size = given.Size ?? firm.Size;
        if (employees is null or < 0 or > MaxEmployees)
        {
            missing["profile.employees"] = [words.L["Give the number of staff: the platform does not know it yet"]];
        }

        if (manufacturing is null)
        {
            missing["profile.manufacturing"] = [words.L["Say whether the unit manufactures: it has no activity yet"]];
        }

        if (size is null)
        {
            missing["profile.size"] = [words.L["Give the size class: the organisation has no unit yet"]];
        }

        if (missing.Count > 0)
        {
            return Outcome.Invalid<MaturityCase>(missing);
        }

        var instrument = reference.Instrument;
        var profile = new MaturityProfile(employees!.Value, manufacturing!.Value, size!.Value);
        answers ??= MaturityAnswers.Empty;
        var errors = MaturityScorer.Validate(instrument, profile, answers);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MaturityCase>(words.AnswerErrors(errors, instrument));
        }

        if (await get.InProgressAsync(organisationId, cancellationToken) is { } open)
        {
            return Outcome.Conflict(words.L["An assessment is already in progress: finish it first"], await get.CaseAsync(organisationId, open.Id, cancellationToken)) with
            {
                Extensions = new Dictionary<string, object?> { ["maturityAssessmentId"] = open.Id },
            };
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
        return Outcome.Ok(await get.CaseAsync(organisationId, entity.Id, cancellationToken));
    }
}
