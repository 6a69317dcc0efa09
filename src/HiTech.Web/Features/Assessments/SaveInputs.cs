using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

public enum SaveStatus
{
    Saved,

    /// <summary>Some values were refused; nothing was saved.</summary>
    Invalid,

    /// <summary>The assessment changed since the form was read; nothing was saved.</summary>
    Stale,

    NotFound,
    Forbidden,

    /// <summary>Submitted or approved: the enterprise cannot change it now.</summary>
    NotEditable,
}

/// <summary>What a save did; <see cref="Framework"/> is set when values were refused, <see cref="Current"/> when it was stale.</summary>
public sealed record SaveOutcome(SaveStatus Status, int Version, IReadOnlyDictionary<string, InputProblem> Problems, AssessmentDetail? Current, CompiledFramework? Framework = null)
{
    public static SaveOutcome Of(SaveStatus status, int version = 0) => new(status, version, new Dictionary<string, InputProblem>(), null);
}

/// <summary>
/// Saves some of an assessment's inputs (one page, or an API call) with optimistic concurrency: the caller says
/// which version it read; if the assessment changed since, nothing is saved and the caller gets what is saved now.
/// A value changed after an assessor verified it goes back to being the enterprise's own figure.
/// </summary>
public sealed class SaveInputs(AppDbContext db, FrameworkStore frameworks, AuditLog audit, TimeProvider clock)
{
    public async Task<SaveOutcome> ExecuteAsync(CurrentUser user, Guid id, int version, IReadOnlyDictionary<string, InputEntry> entries, CancellationToken cancellationToken)
    {
        var (check, found) = await AssessmentAccess.FindEditableAsync(db.Assessments.Include(a => a.Inputs), user, id, cancellationToken);
        if (check != EditCheck.Editable || found is not { } assessment)
        {
            return check switch
            {
                EditCheck.Forbidden => SaveOutcome.Of(SaveStatus.Forbidden),
                EditCheck.NotEditable => SaveOutcome.Of(SaveStatus.NotEditable, found!.Version),
                _ => SaveOutcome.Of(SaveStatus.NotFound),
            };
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var problems = new Dictionary<string, InputProblem>(StringComparer.Ordinal);
        var parsed = new List<(CompiledInput Input, StoredValue Value)>();
        foreach (var (inputId, entry) in entries)
        {
            if (!framework.InputsById.TryGetValue(inputId, out var input))
            {
                problems[inputId] = InputProblem.Unknown;
                continue;
            }

            var result = entry.Parse(input);
            if (result.Ok)
            {
                parsed.Add((input, result.Value));
            }
            else
            {
                problems[inputId] = result.Problem;
            }
        }

        if (problems.Count > 0)
        {
            return new SaveOutcome(SaveStatus.Invalid, assessment.Version, problems, null, framework);
        }

        var rows = assessment.Inputs.ToDictionary(i => i.InputId, StringComparer.Ordinal);
        var changes = parsed.Where(p => StoredValue.Of(rows.GetValueOrDefault(p.Input.Id)) != p.Value).ToList();
        if (changes.Count == 0)
        {
            // Nothing to write, so nothing can conflict.
            return SaveOutcome.Of(SaveStatus.Saved, assessment.Version);
        }

        if (assessment.Version != version)
        {
            return await StaleAsync(id, framework, cancellationToken);
        }

        HashSet<string>? documented = null;
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (input, value) in changes)
        {
            if (!rows.TryGetValue(input.Id, out var row))
            {
                // Added explicitly: found through the navigation, a row with its key already set would be taken for an existing one.
                row = new AssessmentInput { Id = Guid.NewGuid(), AssessmentId = id, InputId = input.Id, Evidence = EvidenceLevel.SelfDeclared, Review = ReviewState.Pending };
                db.AssessmentInputs.Add(row);
                rows[input.Id] = row;
            }

            before[input.Id] = StoredValue.Of(row).ToPlain(input);
            after[input.Id] = value.ToPlain(input);
            row.Number = value.Number;
            row.Flag = value.Flag;
            row.Text = value.Text;

            // An assessor verified the old figure, not this one.
            if (row.Evidence == EvidenceLevel.Verified)
            {
                documented ??= [.. await db.EvidenceFiles.AsNoTracking().Where(f => f.AssessmentId == id).Select(f => f.InputId).Distinct().ToListAsync(cancellationToken)];
                row.Evidence = documented.Contains(input.Id) ? EvidenceLevel.DocumentBacked : EvidenceLevel.SelfDeclared;
            }

            if (row.Review != ReviewState.Pending)
            {
                row.Review = ReviewState.Pending;
            }
        }

        assessment.UpdatedAt = clock.GetUtcNow();
        audit.Record(user, nameof(Assessment), id.ToString(), AuditAction.SaveInputs, before, after);

        // The database refuses the update too if someone saved between our read and this write.
        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or a concurrent first save of the same input (unique index): same answer.
            db.ChangeTracker.Clear();
            return await StaleAsync(id, framework, cancellationToken);
        }

        return SaveOutcome.Of(SaveStatus.Saved, assessment.Version);
    }

    private async Task<SaveOutcome> StaleAsync(Guid id, CompiledFramework framework, CancellationToken cancellationToken)
    {
        var current = await db.Assessments.AsNoTracking().AsSplitQuery()
            .Include(a => a.Inputs)
            .Include(a => a.Evidence)
            .FirstAsync(a => a.Id == id, cancellationToken);
        return new SaveOutcome(SaveStatus.Stale, current.Version, new Dictionary<string, InputProblem>(), new AssessmentDetail(current, framework));
    }
}
