using System.Collections.Immutable;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Saves some answers of a maturity assessment (one page, or an API call): each question given is answered with
/// the options given, or cleared when none are. Optimistic: the caller says which version it read, and a save on a
/// changed assessment is refused with what is saved now (a conflict with the current version and case). A finished
/// assessment no longer changes (a conflict carrying the finished case). The scores are stored with the answers.
/// </summary>
public sealed class SaveMaturityAnswers(AppDbContext db, GetMaturity get, MaturityWords words, TimeProvider clock)
{
    public async Task<Outcome<MaturityCase>> ExecuteAsync(CurrentUser user, Guid id, int version, IReadOnlyDictionary<string, ImmutableArray<string>> changes, CancellationToken cancellationToken)
    {
        var found = await get.FindForChangeAsync(user, id, cancellationToken);
        if (!found.IsOk)
        {
            return found;
        }

        var current = found.Value!;
        var entity = current.Entity;

        var answers = current.Answers;
        foreach (var (question, options) in changes)
        {
            answers = options.IsDefaultOrEmpty ? answers.Without(question) : answers.With(question, options);
        }

        var errors = MaturityScorer.Validate(current.Instrument, current.Profile, answers).Where(e => changes.ContainsKey(e.QuestionId)).ToList();
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MaturityCase>(words.AnswerErrors(errors, current.Instrument));
        }

        var before = MaturityRecords.WriteAnswers(current.Instrument, current.Profile, current.Answers);
        if (before == MaturityRecords.WriteAnswers(current.Instrument, current.Profile, answers))
        {
            // Nothing to write, so nothing can conflict.
            return Outcome.Ok(await get.CaseAsync(entity.OrganisationId, id, cancellationToken));
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

        return Outcome.Ok(await get.CaseAsync(entity.OrganisationId, id, cancellationToken));
    }

    private async Task<Outcome<MaturityCase>> StaleAsync(Guid organisationId, Guid id, CancellationToken cancellationToken)
    {
        var current = await get.CaseAsync(organisationId, id, cancellationToken);
        return current.IsCompleted ? words.Finished(current) : words.Stale(current.Version, current);
    }
}
