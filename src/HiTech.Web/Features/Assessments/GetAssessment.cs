namespace HiTech.Web.Features.Assessments;

/// <summary>An assessment with its inputs, its evidence files and the framework version it was started under.</summary>
public sealed class AssessmentDetail(Assessment assessment, CompiledFramework framework)
{
    private readonly Dictionary<string, AssessmentInput> _rows = assessment.Inputs.ToDictionary(i => i.InputId, StringComparer.Ordinal);

    public Assessment Assessment { get; } = assessment;

    public CompiledFramework Framework { get; } = framework;

    public Guid Id => Assessment.Id;

    public int Version => Assessment.Version;

    public bool IsEditable => AssessmentLifecycle.IsEditable(Assessment.Status);

    public IReadOnlyList<InputGroup> Groups => InputGroups.For(Framework);

    public AssessmentInput? Row(string inputId) => _rows.GetValueOrDefault(inputId);

    public StoredValue Value(string inputId) => StoredValue.Of(Row(inputId));

    public EvidenceLevel EvidenceLevel(string inputId) => Row(inputId)?.Evidence ?? HiTech.Core.Frameworks.EvidenceLevel.SelfDeclared;

    public IReadOnlyList<EvidenceFile> FilesFor(string inputId) =>
        [.. Assessment.Evidence.Where(f => f.InputId == inputId).OrderBy(f => f.UploadedAt.UtcTicks).ThenBy(f => f.FileName, StringComparer.Ordinal)];

    /// <summary>Has every required input of the group an answer, and has any input an answer?</summary>
    public (bool Complete, bool Started) Progress(InputGroup group) =>
        (group.Inputs.All(i => !i.Definition.Required || !Value(i.Id).IsEmpty) && group.Inputs.Any(i => !Value(i.Id).IsEmpty),
         group.Inputs.Any(i => !Value(i.Id).IsEmpty));
}

/// <summary>Reads one assessment for the pages and the API, if the user may see it.</summary>
public sealed class GetAssessment(AppDbContext db, FrameworkStore frameworks, AssessmentWords words)
{
    public async Task<Outcome<AssessmentDetail>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var found = await words.FindForReadAsync(db.Assessments.AsNoTracking().AsSplitQuery().Include(a => a.Inputs).Include(a => a.Evidence), user, id, cancellationToken);
        if (found.Value is not { } assessment)
        {
            return found.As<AssessmentDetail>();
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        return Outcome.Ok(new AssessmentDetail(assessment, framework));
    }

    /// <summary>What the organisation does (its activities), which the engine scores with the inputs; largest share first.</summary>
    public async Task<IReadOnlyList<Activity>> ActivitiesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return [.. activities.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }
}
