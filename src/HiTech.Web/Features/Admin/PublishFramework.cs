using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Admin;

/// <summary>
/// Publishes a new framework version from YAML, for admins: validated by the engine's FrameworkLoader (every error
/// with line, column and rule, and nothing stored if there is one), inactive until activated. Audited.
/// </summary>
public sealed class PublishFramework(AppDbContext db, ActivityClassifier classifier, AuditLog audit, TimeProvider clock)
{
    /// <summary>The largest framework file accepted.</summary>
    public const int MaxBytes = FrameworkUpload.MaxBytes;

    /// <summary>The problem member that lists a refused file's errors, each with its place and rule.</summary>
    public const string ErrorsMember = "frameworkErrors";

    /// <summary>The located errors of a refused publication.</summary>
    public static IReadOnlyList<FrameworkError> ErrorsOf(Outcome<FrameworkVersion> outcome) =>
        outcome.Extensions.TryGetValue(ErrorsMember, out var errors) && errors is IReadOnlyList<FrameworkError> list ? list : [];

    /// <summary>
    /// Validates and publishes a framework file (inactive until activated), with the what-if run that simulated it when there is one. Returns the stored row, or Invalid
    /// with every error, each with its place and rule (<see cref="ErrorsOf"/>); nothing is stored when there is any error.
    /// </summary>
    public async Task<Outcome<FrameworkVersion>> ExecuteAsync(Stream content, string fileName, CurrentUser by, CancellationToken cancellationToken, Guid? simulationRunId = null)
    {
        var upload = await FrameworkUpload.ReadAsync(content, fileName, classifier, cancellationToken);
        if (upload.Framework is not { } framework)
        {
            return Refused([.. upload.Errors]);
        }

        if (await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
        {
            return Refused(new FrameworkError(upload.FileName, FrameworkUpload.VersionLine(upload.Yaml), 1, "version-exists", $"Version {framework.Version} of {framework.Id} is already published, and a published version never changes. Give the file a new version."));
        }

        var row = new FrameworkVersion
        {
            Id = Guid.NewGuid(),
            FrameworkId = framework.Id,
            Version = framework.Version,
            Yaml = upload.Yaml,
            Active = false,
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = by.Id,
            SimulationRunId = simulationRunId,
        };
        db.FrameworkVersions.Add(row);
        audit.Record(by, "FrameworkVersion", row.Id.ToString(), AuditAction.Publish, null, new { framework = row.FrameworkId, version = row.Version, file = upload.FileName, effective = framework.Definition.Effective, simulation = simulationRunId });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(row);
    }

    private static Outcome<FrameworkVersion> Refused(params FrameworkError[] errors) =>
        Outcome.Invalid<FrameworkVersion>(new Dictionary<string, string[]> { ["file"] = [.. errors.Select(e => e.ToString())] })
            with
        { Extensions = new Dictionary<string, object?> { [ErrorsMember] = errors } };
}
