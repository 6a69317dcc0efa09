using System.Collections.Immutable;
using HiTech.Core.Maturity;
using HiTech.Web.Data;
using HiTech.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Maturity;

public enum MaturitySaveStatus
{
    Saved,

    /// <summary>Some answers were refused (<see cref="MaturitySaveOutcome.Errors"/>); nothing was saved.</summary>
    Invalid,

    /// <summary>The assessment changed since the version the caller read; nothing was saved (<see cref="MaturitySaveOutcome.Current"/> is what is saved now).</summary>
    Stale,

    NotFound,
    Forbidden,

    /// <summary>Finished: its answers no longer change (start a new one to measure progress).</summary>
    Completed,
}

public sealed record MaturitySaveOutcome(MaturitySaveStatus Status, int Version = 0, IReadOnlyList<MaturityAnswerError>? Errors = null, MaturityCase? Current = null)
{
    public IReadOnlyList<MaturityAnswerError> Problems => Errors ?? [];
}

/// <summary>
/// Saves some answers of a maturity assessment (one page, or an API call): each question given is answered with
/// the options given, or cleared when none are. Optimistic: the caller says which version it read, and a save on a
/// changed assessment is refused with what is saved now. The scores are stored with the answers.
/// </summary>
public sealed class SaveMaturityAnswers(AppDbContext db, GetMaturity get, TimeProvider clock)
{
    public async Task<MaturitySaveOutcome> ExecuteAsync(CurrentUser user, Guid id, int version, IReadOnlyDictionary<string, ImmutableArray<string>> changes, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise)
        {
            return new MaturitySaveOutcome(MaturitySaveStatus.Forbidden);
        }

        var entity = await db.MaturityAssessments.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (entity is null || !user.OwnsOrganisation(entity.OrganisationId))
        {
            return new MaturitySaveOutcome(MaturitySaveStatus.NotFound);
        }

        if (entity.CompletedAt is not null)
        {
            return new MaturitySaveOutcome(MaturitySaveStatus.Completed, entity.Version);
        }

        var current = get.ToCase(entity, 0);
        var answers = current.Answers;
        foreach (var (question, options) in changes)
        {
            answers = options.IsDefaultOrEmpty ? answers.Without(question) : answers.With(question, options);
        }

        var errors = MaturityScorer.Validate(current.Instrument, current.Profile, answers).Where(e => changes.ContainsKey(e.QuestionId)).ToList();
        if (errors.Count > 0)
        {
            return new MaturitySaveOutcome(MaturitySaveStatus.Invalid, entity.Version, errors);
        }

        var before = MaturityRecords.WriteAnswers(current.Instrument, current.Profile, current.Answers);
        if (before == MaturityRecords.WriteAnswers(current.Instrument, current.Profile, answers))
        {
            // Nothing to write, so nothing can conflict.
            return new MaturitySaveOutcome(MaturitySaveStatus.Saved, entity.Version);
        }

        if (entity.Version != version)
        {
            return await StaleAsync(entity.OrganisationId, id, cancellationToken);
        }

        MaturityRecords.Store(entity, current.Instrument, current.Profile, answers, MaturityScorer.Score(current.Instrument, current.Profile, answers));
        entity.UpdatedAt = clock.GetUtcNow();

        // The database refuses the update too if someone saved between our read and this write.
        db.Entry(entity).Property(m => m.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(entity.OrganisationId, id, cancellationToken);
        }

        return new MaturitySaveOutcome(MaturitySaveStatus.Saved, entity.Version);
    }

    private async Task<MaturitySaveOutcome> StaleAsync(Guid organisationId, Guid id, CancellationToken cancellationToken)
    {
        var current = await get.CaseAsync(organisationId, id, cancellationToken);
        return new MaturitySaveOutcome(current.IsCompleted ? MaturitySaveStatus.Completed : MaturitySaveStatus.Stale, current.Version, Current: current);
    }
}
