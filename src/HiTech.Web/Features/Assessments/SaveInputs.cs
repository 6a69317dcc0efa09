namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Saves some of an assessment's inputs (one page, or an API call) with optimistic concurrency: the caller says
/// which version it read; if the assessment changed since, nothing is saved and the caller gets the version saved now.
/// A value changed after an assessor verified it goes back to being the enterprise's own figure.
/// </summary>
public sealed class SaveInputs(AppDbContext db, FrameworkStore frameworks, AssessmentWords words, AuditLog audit, TimeProvider clock)
{
    /// <summary>The version saved now; refused values are under <c>inputs.{id}</c>, in the order given.</summary>
    public async Task<Outcome<int>> ExecuteAsync(CurrentUser user, Guid id, int version, IReadOnlyDictionary<string, InputEntry> entries, CancellationToken cancellationToken)
    {
        var found = await words.FindForChangeAsync(db.Assessments.Include(a => a.Inputs), user, id, cancellationToken);
        if (found.Value is not { } assessment)
        {
            return found.As<int>();
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = new List<(CompiledInput Input, StoredValue Value)>();
        foreach (var (inputId, entry) in entries)
        {
            if (!framework.InputsById.TryGetValue(inputId, out var input))
            {
                problems[Field(inputId)] = [words.UnknownInput(inputId)];
                continue;
            }

            var result = entry.Parse(input);
            if (result.Ok)
            {
                parsed.Add((input, result.Value));
            }
            else
            {
                problems[Field(inputId)] = [words.Describe(input, result.Problem)];
            }
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<int>(problems);
        }

        var rows = assessment.Inputs.ToDictionary(i => i.InputId, StringComparer.Ordinal);
        var changes = parsed.Where(p => StoredValue.Of(rows.GetValueOrDefault(p.Input.Id)) != p.Value).ToList();
        if (changes.Count == 0)
        {
            // Nothing to write, so nothing can conflict.
            return Outcome.Ok(assessment.Version);
        }

        if (assessment.Version != version)
        {
            return words.Stale<int>(assessment.Version, assessment.UpdatedAt);
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
            return await words.StaleAsync<int>(db, id, cancellationToken);
        }

        return Outcome.Ok(assessment.Version);
    }

    /// <summary>Refused values are named by the API's field for the input: <c>inputs.{id}</c>.</summary>
    public const string FieldPrefix = "inputs.";

    public static string Field(string inputId) => FieldPrefix + inputId;
}
