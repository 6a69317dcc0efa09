using System.Text;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Admin;

/// <summary>
/// Publishes a new framework version from YAML, for admins: validated by the engine's FrameworkLoader (every error
/// with line, column and rule, and nothing stored if there is one), inactive until activated. Audited.
/// </summary>
public sealed class PublishFramework(AppDbContext db, ActivityClassifier classifier, AuditLog audit, TimeProvider clock)
{
    /// <summary>The largest framework file accepted.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The problem member that lists a refused file's errors, each with its place and rule.</summary>
    public const string ErrorsMember = "frameworkErrors";

    /// <summary>The located errors of a refused publication.</summary>
    public static IReadOnlyList<FrameworkError> ErrorsOf(Outcome<FrameworkVersion> outcome) =>
        outcome.Extensions.TryGetValue(ErrorsMember, out var errors) && errors is IReadOnlyList<FrameworkError> list ? list : [];

    /// <summary>
    /// Validates and publishes a framework file (inactive until activated). Returns the stored row, or Invalid
    /// with every error, each with its place and rule (<see cref="ErrorsOf"/>); nothing is stored when there is any error.
    /// </summary>
    public async Task<Outcome<FrameworkVersion>> ExecuteAsync(Stream content, string fileName, CurrentUser by, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "framework.yaml" : name;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return Refused(new FrameworkError(name, 0, 0, "empty-file", "The file is empty."));
        }

        if (buffer.Length > MaxBytes)
        {
            return Refused(new FrameworkError(name, 0, 0, "file-too-large", $"The file is larger than {MaxBytes / 1024} KB."));
        }

        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refused(new FrameworkError(name, 0, 0, "not-utf8", "The file is not UTF-8 text."));
        }

        var result = FrameworkLoader.Load(yaml, name, classifier.SectorIds);
        if (result.Framework is not { } framework)
        {
            return Refused([.. result.Errors]);
        }

        if (await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
        {
            var line = yaml.Split('\n').Select((text, index) => (text, index)).FirstOrDefault(l => l.text.TrimStart().StartsWith("version:", StringComparison.Ordinal)).index + 1;
            return Refused(new FrameworkError(name, line, 1, "version-exists", $"Version {framework.Version} of {framework.Id} is already published, and a published version never changes. Give the file a new version."));
        }

        var row = new FrameworkVersion
        {
            Id = Guid.NewGuid(),
            FrameworkId = framework.Id,
            Version = framework.Version,
            Yaml = yaml,
            Active = false,
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = by.Id,
        };
        db.FrameworkVersions.Add(row);
        audit.Record(by, "FrameworkVersion", row.Id.ToString(), AuditAction.Publish, null, new { framework = row.FrameworkId, version = row.Version, file = name, effective = framework.Definition.Effective });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(row);
    }

    private static Outcome<FrameworkVersion> Refused(params FrameworkError[] errors) =>
        Outcome.Invalid<FrameworkVersion>(new Dictionary<string, string[]> { ["file"] = [.. errors.Select(e => e.ToString())] })
            with
        { Extensions = new Dictionary<string, object?> { [ErrorsMember] = errors } };
}
