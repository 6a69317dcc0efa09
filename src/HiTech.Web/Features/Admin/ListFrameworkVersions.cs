namespace HiTech.Web.Features.Admin;

/// <summary>One published framework version as the admin list shows it.</summary>
public sealed record FrameworkRow(Guid Id, string FrameworkId, string Version, string Title, DateOnly? Effective, bool Active, DateTimeOffset PublishedAt, int Assessments);

/// <summary>The published framework versions, with how many assessments each has; for admins.</summary>
public sealed class ListFrameworkVersions(AppDbContext db, FrameworkStore store)
{
    public async Task<IReadOnlyList<FrameworkRow>> ExecuteAsync(CancellationToken cancellationToken)
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
}
