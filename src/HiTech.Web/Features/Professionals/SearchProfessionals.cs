using HiTech.Web.Features.Providers;

namespace HiTech.Web.Features.Professionals;

/// <summary>
/// Listed returning professionals (verified, not past their last day), for those who may see them: partnerships
/// officers and admins, and enterprise users whose organisation has an approved assessment (the rule of
/// <see cref="ReadDirectoryEntry.MaySeeProfessionalsAsync"/>, the same as for a professional's profile page).
/// Found by words in their skills and services, filtered, ordered by name and paged in the query.
/// </summary>
public sealed class SearchProfessionals(AppDbContext db, TimeProvider clock, CollaborationVocabulary vocabulary, FrameworkStore frameworks, IStringLocalizer<ProfessionalsText> l)
{
    public async Task<Outcome<ProfessionalsPage>> ExecuteAsync(CurrentUser user, ProfessionalsQuery query, CancellationToken cancellationToken)
    {
        if (!await ReadDirectoryEntry.MaySeeProfessionalsAsync(db, user, cancellationToken))
        {
            return Outcome.Forbidden<ProfessionalsPage>(l["Returning professionals are shown to enterprises the department has verified. Once an assessment of your enterprise is approved, you can find them here."]);
        }

        var data = vocabulary.For(await frameworks.ActiveAsync(cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var district = DistrictFilter.Resolve(data, query.District, l["Choose a Kerala district from the list"], errors);

        if (!string.IsNullOrWhiteSpace(query.Sector) && !data.Reference.PrioritySectors.TryGet(query.Sector, out _))
        {
            errors["sector"] = [l["Choose a sector from the list"]];
        }

        if (!string.IsNullOrWhiteSpace(query.Nic) && (query.Nic.Length != 2 || !data.Nic.TryGet(query.Nic, out _)))
        {
            errors["nic"] = [l["Choose a NIC division from the list (2 digits, like 26)"]];
        }

        if (!string.IsNullOrWhiteSpace(query.Availability) && !ProfileRules.AvailabilityOptions.Contains(query.Availability))
        {
            errors["availability"] = [l["Choose a job, consulting or mentoring"]];
        }

        if (query.Page is < 1)
        {
            errors["page"] = [l["Ask for a page from 1"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<ProfessionalsPage>(errors);
        }

        var today = ProviderAccess.TodayOf(clock);
        var listed = db.Providers.AsNoTracking()
            .Where(p => p.Kind == ProfileRules.ProfessionalKind && p.Status == ProviderStatus.Verified && p.ExpiresOn >= today);
        foreach (var word in query.Words())
        {
#pragma warning disable CA1304, CA1311, CA1862 // string.ToLower() here is SQL lower() in the database, never .NET's culture
            listed = listed.Where(p => p.Skills.ToLower().Contains(word) || p.ServicesEn.ToLower().Contains(word) || p.ServicesMl.Contains(word));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Sector))
        {
            var sector = ";" + query.Sector + ";";
            listed = listed.Where(p => (";" + p.Sectors + ";").Contains(sector));
        }

        if (!string.IsNullOrWhiteSpace(query.Nic))
        {
            var division = ";" + query.Nic;
            listed = listed.Where(p => (";" + p.NicCodes).Contains(division));
        }

        if (!string.IsNullOrWhiteSpace(query.Availability))
        {
            var availability = ";" + query.Availability + ";";
            listed = listed.Where(p => (";" + p.Availability + ";").Contains(availability));
        }

        listed = DistrictFilter.Serving(listed, district);

        var total = await listed.CountAsync(cancellationToken);
        var rows = await listed.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((query.PageNumber - 1) * ProfessionalsQuery.PageSize).Take(ProfessionalsQuery.PageSize)
            .Select(p => new { p.Id, p.Name, p.District, p.Remote, p.Skills, p.Sectors, p.NicCodes, p.YearsAbroad, p.Availability, p.IsDemo })
            .ToListAsync(cancellationToken);
        var items = rows.Select(p => new ProfessionalEntry(
            p.Id, p.Name, p.District, p.Remote, p.Skills, ProfileLists.Split(p.Sectors), ProfileLists.Split(p.NicCodes), p.YearsAbroad, ProfileLists.Split(p.Availability), p.IsDemo)).ToList();

        // The enterprise's open needs, as an expression of interest is always about one of them (an enterprise has a
        // few; sorted here, as SQLite cannot order the stored instants).
        List<OpenNeed> needs = [];
        if (user.IsEnterprise && user.OrganisationId is { } organisation)
        {
            var open = await db.Needs.AsNoTracking().Where(n => n.OrganisationId == organisation && n.Status == NeedStatus.Open)
                .Select(n => new { n.Id, n.Summary, n.PostedAt }).ToListAsync(cancellationToken);
            needs = [.. open.OrderByDescending(n => n.PostedAt).Select(n => new OpenNeed(n.Id, n.Summary))];
        }

        return Outcome.Ok(new ProfessionalsPage(items, total, query.PageNumber, query, needs));
    }
}
