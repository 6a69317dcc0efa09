using System.Text;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Admin;

/// <summary>One published framework version as the admin list shows it.</summary>
public sealed record FrameworkRow(Guid Id, string FrameworkId, string Version, string Title, DateOnly? Effective, bool Active, DateTimeOffset PublishedAt, int Assessments);

/// <summary>
/// Framework versions, for admins: the list, publishing a new version from YAML (validated by the engine's
/// FrameworkLoader: every error with line, column and rule, and nothing stored if there is one), and choosing
/// the version new assessments use. Assessments keep the version they started with. Audited.
/// </summary>
public sealed class ManageFrameworks(AppDbContext db, FrameworkStore store, ActivityClassifier classifier, AuditLog audit, TimeProvider clock)
{
    /// <summary>The largest framework file accepted.</summary>
    public const int MaxBytes = 1024 * 1024;

    public async Task<IReadOnlyList<FrameworkRow>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await db.FrameworkVersions.AsNoTracking().Select(f => new { f.Id, f.FrameworkId, f.Version, f.Active, f.PublishedAt }).ToListAsync(cancellationToken);
        var counts = await db.Assessments.AsNoTracking()
            .GroupBy(a => new { a.FrameworkId, a.FrameworkVersion })
            .Select(g => new { g.Key.FrameworkId, g.Key.FrameworkVersion, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = new List<FrameworkRow>();
        foreach (var v in versions)
        {
            string title;
            DateOnly? effective;
            try
            {
                var compiled = await store.GetAsync(v.FrameworkId, v.Version, cancellationToken);
                title = compiled.Definition.Title.In(Infrastructure.Localization.Language.Current);
                effective = compiled.Definition.Effective;
            }
            catch (InvalidOperationException)
            {
                title = "";
                effective = null;
            }

            var count = counts.FirstOrDefault(c => c.FrameworkId == v.FrameworkId && c.FrameworkVersion == v.Version)?.Count ?? 0;
            rows.Add(new FrameworkRow(v.Id, v.FrameworkId, v.Version, title, effective, v.Active, v.PublishedAt, count));
        }

        return [.. rows.OrderBy(r => r.FrameworkId, StringComparer.Ordinal).ThenByDescending(r => r.PublishedAt)];
    }

    /// <summary>
    /// Validates and publishes a framework file (inactive until activated). Returns the stored row, or the
    /// errors, each with its place and rule; nothing is stored when there is any error.
    /// </summary>
    public async Task<(FrameworkVersion? Published, IReadOnlyList<FrameworkError> Errors)> PublishAsync(Stream content, string fileName, CurrentUser by, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "framework.yaml" : name;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return (null, [new FrameworkError(name, 0, 0, "empty-file", "The file is empty.")]);
        }

        if (buffer.Length > MaxBytes)
        {
            return (null, [new FrameworkError(name, 0, 0, "file-too-large", $"The file is larger than {MaxBytes / 1024} KB.")]);
        }

        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, [new FrameworkError(name, 0, 0, "not-utf8", "The file is not UTF-8 text.")]);
        }

        var result = FrameworkLoader.Load(yaml, name, classifier.SectorIds);
        if (result.Framework is not { } framework)
        {
            return (null, result.Errors);
        }

        if (await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
        {
            var line = yaml.Split('\n').Select((text, index) => (text, index)).FirstOrDefault(l => l.text.TrimStart().StartsWith("version:", StringComparison.Ordinal)).index + 1;
            return (null, [new FrameworkError(name, line, 1, "version-exists", $"Version {framework.Version} of {framework.Id} is already published, and a published version never changes. Give the file a new version.")]);
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
        return (row, []);
    }

    /// <summary>Makes a version the one new assessments use; the version active before stays published and keeps its assessments.</summary>
    public async Task<bool> ActivateAsync(Guid id, CurrentUser by, CancellationToken cancellationToken)
    {
        var chosen = await db.FrameworkVersions.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (chosen is null)
        {
            return false;
        }

        if (chosen.Active)
        {
            return true;
        }

        // It must still compile on this node before it is offered to anyone.
        await store.GetAsync(chosen.FrameworkId, chosen.Version, cancellationToken);
        var previous = await db.FrameworkVersions.Where(f => f.FrameworkId == chosen.FrameworkId && f.Active).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Active = false;
        }

        chosen.Active = true;
        audit.Record(by, "FrameworkVersion", chosen.Id.ToString(), AuditAction.Activate, new { framework = chosen.FrameworkId, active = previous.Select(p => p.Version).ToArray() }, new { framework = chosen.FrameworkId, active = new[] { chosen.Version } });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
