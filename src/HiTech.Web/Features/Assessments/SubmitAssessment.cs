using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Submits an assessment: the engine checks and scores it (the framework version it was started under, from the
/// cache), a provisional result is stored with its whole explanation, and it waits for an assessor. Built for the
/// hot path: two small reads (assessment with inputs, organisation with activities) and one write (assessment, result,
/// audit), whose audit chain's lock and head are one more round trip on PostgreSQL (SubmitRoundTripsTests pins them).
/// </summary>
public sealed class SubmitAssessment(AppDbContext db, FrameworkStore frameworks, AssessmentScoring scoring, AssessmentWords words, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The provisional result. What stops submission is under <c>inputs.{id}</c> (each field of an issue, in the engine's
    /// order) or <c>activities</c>.
    /// </summary>
    public async Task<Outcome<AssessmentResult>> ExecuteAsync(CurrentUser user, Guid id, int version, CancellationToken cancellationToken)
    {
        // The assessment (tracked, to be updated) with its inputs. (Plain queries on purpose: a projection holding
        // nested collections makes EF Core compile a delegate on every execution, which cost more than a round trip.)
        var found = await words.FindForChangeAsync(db.Assessments.Include(a => a.Inputs), user, id, cancellationToken);
        if (found.Value is not { } assessment)
        {
            return found.As<AssessmentResult>();
        }

        if (!assessment.CanApply(AssessmentMove.Submit))
        {
            return words.NotEditable<AssessmentResult>();
        }

        if (assessment.Version != version)
        {
            return words.Stale<AssessmentResult>(assessment.Version, assessment.UpdatedAt);
        }

        // The organisation (its name and district) with its activities, which the engine scores with the inputs: one query.
        var organisation = await db.Organisations.AsNoTracking()
            .Include(o => o.Activities)
            .FirstAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var (explanation, issues) = scoring.Explain(framework, AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, framework));
        if (explanation is null)
        {
            return Outcome.Invalid<AssessmentResult>(Problems(framework, issues), words.L["The assessment cannot be submitted yet"]);
        }

        var now = clock.GetUtcNow();
        var result = new AssessmentResult
        {
            Id = Guid.NewGuid(),
            AssessmentId = id,
            IsFinal = false,
            Index = explanation.Index,
            Tier = explanation.Tier.Id,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            ExplanationJson = ExplanationJson.Serialize(explanation, indented: false),
            ComputedAt = now,
        };
        db.AssessmentResults.Add(result);
        var previous = assessment.Status;
        assessment.Apply(AssessmentMove.Submit, user.RequiredId, now);
        audit.Record(user, nameof(Assessment), id.ToString(), AuditAction.Submit,
            new { status = previous.ToString() },
            new { status = nameof(AssessmentStatus.Submitted), result = result.Id, index = result.Index, tier = result.Tier, framework = framework.Id, version = framework.Version });

        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await words.StaleAsync<AssessmentResult>(db, id, cancellationToken);
        }

        return Outcome.Ok(result);
    }

    /// <summary>Each issue's message under every field it names.</summary>
    private Dictionary<string, string[]> Problems(CompiledFramework framework, IReadOnlyList<InputIssue> issues)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            var message = words.Issue(framework, issue);
            foreach (var field in issue.Field.Split(';'))
            {
                var key = field == "activities" ? "activities" : SaveInputs.Field(field);
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }

                list.Add(message);
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
