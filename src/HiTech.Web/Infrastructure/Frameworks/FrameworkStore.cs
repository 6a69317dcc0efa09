namespace HiTech.Web.Infrastructure.Frameworks;

/// <summary>Finds framework versions in the database and returns them compiled.</summary>
public sealed class FrameworkStore(AppDbContext db, FrameworkCache cache)
{
    /// <summary>The framework id the platform assesses against.</summary>
    public const string DefaultFrameworkId = "kerala-htmf";

    /// <summary>The version in force for new assessments.</summary>
    public async Task<CompiledFramework> ActiveAsync(CancellationToken cancellationToken, string frameworkId = DefaultFrameworkId)
    {
        var version = await db.FrameworkVersions.AsNoTracking()
            .Where(f => f.FrameworkId == frameworkId && f.Active)
            .Select(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No active version of framework {frameworkId} is published.");
        return await GetAsync(frameworkId, version, cancellationToken);
    }

    /// <summary>A specific version, as recorded on an assessment, so old results re-read under the version that made them.</summary>
    public async Task<CompiledFramework> GetAsync(string frameworkId, string version, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(frameworkId, version, out var compiled))
        {
            var yaml = await db.FrameworkVersions.AsNoTracking()
                .Where(f => f.FrameworkId == frameworkId && f.Version == version)
                .Select(f => f.Yaml)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Framework {frameworkId} {version} is not published on this platform.");
            compiled = cache.GetOrCompile(frameworkId, version, () => yaml);
        }

        return compiled;
    }
}
