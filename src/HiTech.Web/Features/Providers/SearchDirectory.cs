namespace HiTech.Web.Features.Providers;

/// <summary>
/// The public directory: verified, unexpired institutional providers only (never a returning professional, who is a
/// person), found by words with the database's full-text index (SQLite FTS5 table ProviderSearch; PostgreSQL
/// tsvector column SearchVector, 'simple' configuration; both kept in step with Providers by the database itself, see
/// the ProviderSearch migrations), filtered, ordered by name and paged in the query; on the read replica if configured.
/// </summary>
public sealed class SearchDirectory(StaleReads reads, ProviderAccess access, CollaborationVocabulary vocabulary, FrameworkStore frameworks, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<DirectoryPage>> ExecuteAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var data = vocabulary.For(await frameworks.ActiveAsync(cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var district = DistrictFilter.Resolve(data, query.District, l["Choose a Kerala district from the list"], errors);

        if (!string.IsNullOrWhiteSpace(query.Kind) && (data.Kinds.IndexOf(query.Kind) < 0 || query.Kind == ProfileRules.ProfessionalKind))
        {
            errors["kind"] = [l["Choose a kind of provider from the list"]];
        }

        if (!string.IsNullOrWhiteSpace(query.Nic) && (query.Nic.Length != 2 || !data.Nic.TryGet(query.Nic, out _)))
        {
            errors["nic"] = [l["Choose a NIC division from the list (2 digits, like 26)"]];
        }

        if (!string.IsNullOrWhiteSpace(query.Certification) && data.Certifications.IndexOf(query.Certification) < 0)
        {
            errors["certification"] = [l["Choose a certification from the list"]];
        }

        if (!string.IsNullOrWhiteSpace(query.Technology) && data.Technologies.IndexOf(query.Technology) < 0)
        {
            errors["technology"] = [l["Choose a technology from the list"]];
        }

        if (query.Page is < 1 || query.PageSize is < 1 or > DirectoryQuery.MaxPageSize)
        {
            errors["page"] = [l["Ask for a page from 1, with 1 to {0} entries", DirectoryQuery.MaxPageSize]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<DirectoryPage>(errors);
        }

        var today = access.Today;
        // The public directory may be a moment behind: it reads the replica when there is one.
        var db = reads.Db;
        var listed = db.Providers.AsNoTracking()
            .Where(p => p.Status == ProviderStatus.Verified && p.ExpiresOn >= today && p.Kind != ProfileRules.ProfessionalKind);
        if (query.Words() is { Count: > 0 } words)
        {
            var matching = ProviderSearchIndex.Matching(db, words);
            listed = listed.Where(p => matching.Contains(p.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = query.Kind.Trim().ToLowerInvariant();
            listed = listed.Where(p => p.Kind == kind);
        }

        listed = DistrictFilter.Serving(listed, district);

        if (!string.IsNullOrWhiteSpace(query.Nic))
        {
            var division = ";" + query.Nic;
            listed = listed.Where(p => (";" + p.NicCodes).Contains(division));
        }

        if (!string.IsNullOrWhiteSpace(query.Certification))
        {
            var certification = ";" + query.Certification.Trim().ToLowerInvariant() + ";";
            listed = listed.Where(p => (";" + p.Certifications + ";").Contains(certification));
        }

        if (!string.IsNullOrWhiteSpace(query.Technology))
        {
            var technology = ";" + query.Technology.Trim().ToLowerInvariant() + ";";
            listed = listed.Where(p => (";" + p.Technologies + ";").Contains(technology));
        }

        var total = await listed.CountAsync(cancellationToken);
        var items = await listed.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((query.PageNumber - 1) * query.Size).Take(query.Size)
            .Include(p => p.Equipment)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new DirectoryPage([.. items.Select(DirectoryEntry.Of)], total, query.PageNumber, query.Size, query));
    }
}
